using System.Globalization;
using System.Text.Json.Serialization;

namespace Router.Protocol.JsonRpc;

/// <summary>A JSON-RPC request id: a number or a string, as the peer chose.</summary>
[JsonConverter(typeof(RequestIdConverter))]
public readonly record struct RequestId
{
    public RequestId(long number)
    {
        Number = number;
    }

    public RequestId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    public long? Number { get; }

    public string? Text { get; }

    public override string ToString() => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
