using System.Net;
using System.Text;

namespace Router.Lsp.Completion;

/// <summary>An Ollama host inside the process for the start-up warm-up: answers <c>/api/show</c> and a one-line streamed
/// <c>/api/generate</c> without any network, so the provider's HTTP and JSON path is compiled before the first real
/// completion.</summary>
internal sealed class WarmUpHost : HttpMessageHandler
{
    private const string Show = """{"capabilities":["completion","insert"],"model_info":{"general.architecture":"qwen2","qwen2.context_length":32768}}""";

    private const string Generate = """
        {"model":"warm-up","created_at":"2026-01-01T00:00:00Z","response":"cle","done":false}
        {"model":"warm-up","created_at":"2026-01-01T00:00:00Z","response":"(r)\n","done":false}
        {"model":"warm-up","created_at":"2026-01-01T00:00:00Z","response":"","done":true,"done_reason":"stop","total_duration":1,"load_duration":1,"prompt_eval_count":20,"prompt_eval_duration":1,"eval_count":2,"eval_duration":1}

        """;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        (string body, string type) = request.RequestUri?.AbsolutePath switch
        {
            "/api/show" => (Show, "application/json"),
            "/api/generate" => (Generate, "application/x-ndjson"),
            _ => ("""{"error":"not served during warm-up"}""", "application/json"),
        };
        HttpResponseMessage response = new(body.StartsWith("{\"error", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, type),
        };
        return Task.FromResult(response);
    }
}
