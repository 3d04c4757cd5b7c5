using Microsoft.AspNetCore.Http;
using Router.Core.Configuration;
using Router.Runtime.Health;

namespace Router.Gateway.Hosting;

/// <summary><c>/health</c>: the process is up. <c>/health/ready</c>: the circuit of every configured endpoint; ready (200)
/// while at least one takes requests, else 503.</summary>
internal static class HealthReport
{
    public static Task LiveAsync(HttpContext http) =>
        ModelListing.WriteAsync(http, json =>
        {
            json.WriteStartObject();
            json.WriteString("status", "ok");
            json.WriteEndObject();
        });

    public static Task ReadyAsync(HttpContext http, GatewayContext context)
    {
        RouterConfig config = context.Config();
        List<(string Name, EndpointHealthSnapshot Health, bool Allowed)> endpoints = config.Endpoints.Keys
            .Order(StringComparer.Ordinal)
            .Select(name => (name, context.Runtime.Health.Snapshot(name), context.Runtime.Health.Peek(name).Allowed))
            .ToList();
        bool ready = endpoints.Any(e => e.Allowed);
        return ModelListing.WriteAsync(http, json =>
        {
            json.WriteStartObject();
            json.WriteString("status", ready ? "ready" : "unavailable");
            json.WriteStartArray("endpoints");
            foreach ((string name, EndpointHealthSnapshot health, bool allowed) in endpoints)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("circuit", health.State switch
                {
                    EndpointCircuitState.Open => "open",
                    EndpointCircuitState.HalfOpen => "half-open",
                    _ => "closed",
                });
                json.WriteBoolean("takesRequests", allowed);
                json.WriteNumber("consecutiveFailures", health.ConsecutiveFailures);
                if (health.LastError is { } error)
                {
                    json.WriteString("lastError", error);
                }

                if (health.OpenUntil is { } until)
                {
                    json.WriteString("openUntil", until);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
