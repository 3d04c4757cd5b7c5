using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Router.Gateway.Wire;

/// <summary>Error replies in the body each API's clients read: OpenAI's <c>{"error":{"message","type","code"}}</c>,
/// Anthropic's <c>{"type":"error","error":{"type","message"}}</c>, Ollama's <c>{"error":"…"}</c>.</summary>
public static class GatewayErrors
{
    public static int StatusOf(GatewayErrorKind kind) => kind switch
    {
        GatewayErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        GatewayErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        GatewayErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        GatewayErrorKind.NotFound => StatusCodes.Status404NotFound,
        GatewayErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        GatewayErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        GatewayErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        GatewayErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        GatewayErrorKind.Timeout => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The error reply, status, Retry-After and body; nothing when the response has started (the caller ends the
    /// stream with the API's error event instead).</summary>
    public static async Task WriteAsync(HttpContext http, ApiFamily family, GatewayException error)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.Clear();
        http.Response.StatusCode = StatusOf(error.Kind);
        if (error.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (error.Kind == GatewayErrorKind.Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        http.Response.ContentType = "application/json";
        byte[] body = Body(family, error);
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>The error body alone: the non-streaming reply, and (for OpenAI and Ollama) the stream's error event.</summary>
    public static byte[] Body(ApiFamily family, GatewayException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer))
        {
            json.WriteStartObject();
            switch (family)
            {
                case ApiFamily.OpenAi:
                    json.WriteStartObject("error");
                    json.WriteString("message", error.Message);
                    json.WriteString("type", OpenAiType(error.Kind));
                    json.WriteNull("param");
                    json.WriteString("code", error.Code ?? OpenAiCode(error.Kind));
                    json.WriteEndObject();
                    break;
                case ApiFamily.Anthropic:
                    json.WriteString("type", "error");
                    json.WriteStartObject("error");
                    json.WriteString("type", AnthropicType(error.Kind));
                    json.WriteString("message", error.Message);
                    json.WriteEndObject();
                    break;
                default:
                    json.WriteString("error", error.Message);
                    break;
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string OpenAiType(GatewayErrorKind kind) => kind switch
    {
        GatewayErrorKind.Unauthorized => "authentication_error",
        GatewayErrorKind.Forbidden => "permission_error",
        GatewayErrorKind.NotFound => "not_found_error",
        GatewayErrorKind.RateLimited => "rate_limit_error",
        GatewayErrorKind.Unavailable or GatewayErrorKind.Timeout => "server_error",
        _ => "invalid_request_error",
    };

    private static string OpenAiCode(GatewayErrorKind kind) => kind switch
    {
        GatewayErrorKind.Unauthorized => "invalid_api_key",
        GatewayErrorKind.Forbidden => "tier_not_allowed",
        GatewayErrorKind.NotFound => "not_found",
        GatewayErrorKind.TooLarge => "request_too_large",
        GatewayErrorKind.UnsupportedMediaType => "unsupported_media_type",
        GatewayErrorKind.RateLimited => "rate_limit_exceeded",
        GatewayErrorKind.Unavailable => "no_host_available",
        GatewayErrorKind.Timeout => "timeout",
        _ => "invalid_request",
    };

    private static string AnthropicType(GatewayErrorKind kind) => kind switch
    {
        GatewayErrorKind.Unauthorized => "authentication_error",
        GatewayErrorKind.Forbidden => "permission_error",
        GatewayErrorKind.NotFound => "not_found_error",
        GatewayErrorKind.TooLarge => "request_too_large",
        GatewayErrorKind.RateLimited => "rate_limit_error",
        GatewayErrorKind.Unavailable => "overloaded_error",
        GatewayErrorKind.Timeout => "api_error",
        _ => "invalid_request_error",
    };
}
