using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Router.Gateway.Hosting;

// Every call below is behind IsEnabled for its level, a guard the analyzer does not follow through a helper.
#pragma warning disable CA1873

/// <summary>The gateway's log lines: where each request went, never its text or a key.</summary>
internal static partial class GatewayLog
{
    public static void Started(ILogger log, Uri address, int keys)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            Listening(log, address.ToString(), keys > 0 ? $"{keys} keys" : "no keys, loopback only");
        }
    }

    public static void Served(ILogger log, HttpContext http, string? key, TimeSpan elapsed)
    {
        if (log.IsEnabled(LogLevel.Debug))
        {
            Answered(
                log, http.Request.Path.ToString(), http.Response.StatusCode, key ?? "-", Header(http, GatewayExchange.TierHeader),
                Header(http, GatewayExchange.ModelHeader), Header(http, GatewayExchange.EndpointHeader), (long)elapsed.TotalMilliseconds);
        }
    }

    public static void Refused(ILogger log, HttpContext http, int status, string? key, string reason)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            Refusal(log, http.Request.Path.ToString(), status, key ?? "-", reason);
        }
    }

    public static void Cut(ILogger log, HttpContext http, string? key, string endpoint, string reason)
    {
        if (log.IsEnabled(LogLevel.Warning))
        {
            StreamCut(log, http.Request.Path.ToString(), key ?? "-", endpoint, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "router serve listening on {Address} ({Keys})")]
    private static partial void Listening(ILogger logger, string address, string keys);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Path} {Status} key={Key} {Tier} {Model} on {Endpoint} in {Milliseconds} ms")]
    private static partial void Answered(ILogger logger, string path, int status, string key, string tier, string model, string endpoint, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} {Status} key={Key}: {Reason}")]
    private static partial void Refusal(ILogger logger, string path, int status, string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} key={Key}: the stream from {Endpoint} ended early after text was sent: {Reason}")]
    private static partial void StreamCut(ILogger logger, string path, string key, string endpoint, string reason);

    private static string Header(HttpContext http, string name) =>
        http.Response.Headers.TryGetValue(name, out StringValues value) ? value.ToString() : "-";
}
