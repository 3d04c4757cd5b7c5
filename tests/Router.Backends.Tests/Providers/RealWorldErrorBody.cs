using System.Text;

namespace Router.Backends.Tests.Providers;

/// <summary>An error body as hosts and the proxies in front of them really send it.</summary>
/// <param name="FromAnApi">The body is a JSON object, so an API (not a web server's page) answered.</param>
/// <param name="Shows">Text from the body the user must see in the error (null: nothing in particular).</param>
public sealed record RealWorldErrorBody(string Name, string ContentType, byte[] Body, bool FromAnApi, string? Shows, bool BreaksOff = false)
{
    /// <summary>Text placed past any excerpt's reach in the long bodies: it must never reach a message.</summary>
    public const string Tail = "TAIL-BEYOND-ANY-EXCERPT";

    private const string Json = "application/json";
    private const string Html = "text/html";

    public static IReadOnlyList<RealWorldErrorBody> All { get; } =
    [
        new("ollama", Json, Utf8("{\"error\":\"model 'x' not found, try pulling it first\"}"), true, "model 'x' not found"),
        new("ollama runner", Json, Utf8("{\"error\":\"llama runner process has terminated: exit status 2\"}"), true, "llama runner process has terminated"),
        new("openai", Json, Utf8("""{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}"""), true, "The server had an error"),
        new("openai rate limit", Json, Utf8("""{"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}}"""), true, "Rate limit reached"),
        new("anthropic overloaded", Json, Utf8("""{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"""), true, "Overloaded"),
        new("litellm", Json, Utf8("""{"error":{"message":"litellm.InternalServerError: AnthropicException - upstream connect error","type":null,"param":null,"code":"500"}}"""), true, "litellm.InternalServerError"),
        new("litellm auth", Json, Utf8("""{"detail":"Authentication Error, Invalid proxy server token passed."}"""), true, "Authentication Error"),
        new("proxy", Json, Utf8("{\"error\":\"internal error\"}"), true, "internal error"),
        new("json of another shape", Json, Utf8("""{"status":"failed","code":17,"retry":true}"""), true, "failed"),
        new("nginx 502", Html, Utf8("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n"), false, "502 Bad Gateway"),
        new("nginx 504", Html, Utf8("<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"), false, "504 Gateway Time-out"),
        new("plain text", "text/plain; charset=utf-8", Utf8("Internal Server Error\n"), false, "Internal Server Error"),
        new("empty", "text/plain", [], false, "empty body"),
        new("truncated json", Json, Utf8("{\"error\":{\"message\":\"upstream conn"), false, "upstream conn"),
        new("body breaks off", Json, Utf8("{\"error\":{\"message\":\"half a bo"), false, "half a bo", BreaksOff: true),
        new("invalid utf-8", Json, [.. Utf8("{\"error\":\"bad "), 0xff, 0xfe, 0xc3, .. Utf8(" bytes\"}")], true, "bytes"),
        new("lone surrogate", Json, Utf8("{\"error\":\"half \\ud800 a pair\"}"), true, "a pair"),
        new("json array", Json, Utf8("[{\"error\":\"x\"}]"), false, null),
        new("deep json", Json, Utf8(new string('[', 5000) + new string(']', 5000)), false, null),
        new("long json", Json, Utf8("{\"error\":\"" + new string('x', 40_000) + Tail + "\"}"), false, null),
        new("long html", Html, Utf8("<!DOCTYPE html><html><body><p>" + new string('y', 20_000) + Tail + "</p></body></html>"), false, null),
    ];

    public override string ToString() => Name;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
