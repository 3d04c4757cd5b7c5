using System.Globalization;
using System.Net;

namespace Router.Gateway.Hosting;

/// <summary>Where the gateway listens: "127.0.0.1:4000", "localhost:4000", "[::1]:4000", "0.0.0.0:4000"; port 0 takes any
/// free port.</summary>
public sealed record ListenAddress(IPAddress Address, int Port)
{
    public const string Default = "127.0.0.1:4000";

    /// <summary>Only this machine can connect.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public static bool TryParse(string? text, out ListenAddress? address, out string error)
    {
        address = null;
        error = "";
        text = text?.Trim();
        int colon = text?.LastIndexOf(':') ?? -1;
        if (string.IsNullOrEmpty(text) || colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            error = $"'{text}' is not HOST:PORT (e.g. {Default})";
            return false;
        }

        string host = text[..colon].Trim('[', ']');
        IPAddress? ip = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out IPAddress? parsed) ? parsed
            : null;
        if (ip is null)
        {
            error = $"'{host}' is not an IP address or localhost (give the address of the interface to listen on)";
            return false;
        }

        address = new ListenAddress(ip, port);
        return true;
    }

    public override string ToString() =>
        Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? string.Create(CultureInfo.InvariantCulture, $"[{Address}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Address}:{Port}");
}
