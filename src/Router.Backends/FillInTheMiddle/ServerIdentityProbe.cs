using System.Net.Http.Headers;
using System.Text.Json;
using Router.Backends.Providers;
using Router.Core.Configuration;

namespace Router.Backends.FillInTheMiddle;

/// <summary>Asks an OpenAI-compatible server what it is: the <c>owned_by</c> of GET /v1/models and its Server header, then
/// llama.cpp's GET /props; each server's name there is its own source's default.</summary>
public static class ServerIdentityProbe
{
    /// <summary>How long the two questions may take together before the server counts as unrecognised.</summary>
    public static TimeSpan Limit { get; } = TimeSpan.FromSeconds(3);

    /// <summary>The server behind <paramref name="baseAddress"/> (the API root with /v1), or null when it does not say, does
    /// not answer, or answers in a shape no known server uses. Throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<ServerIdentity?> ProbeAsync(HttpClient http, Uri baseAddress, ApiKeySource key, CancellationToken cancellationToken) =>
        (await AskAsync(http, baseAddress, key, cancellationToken)).Identity;

    /// <summary>As <see cref="ProbeAsync"/>, and whether the server answered at all: one that did not may say more later.</summary>
    internal static async Task<(bool Answered, ServerIdentity? Identity)> AskAsync(HttpClient http, Uri baseAddress, ApiKeySource key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(key);
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        string root = baseAddress.AbsoluteUri.TrimEnd('/');
        try
        {
            ServerIdentity? named = await FromModelListAsync(http, new Uri(root + "/models"), key, limit.Token);
            return (true, named ?? await FromPropsAsync(http, new Uri(ServerRoot(root) + "/props"), key, limit.Token));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is HttpRequestException or IOException or OperationCanceledException or HttpErrorReplyException)
        {
            return (false, null);
        }
        catch (JsonException)
        {
            // It answered, in a shape no known server uses.
            return (true, null);
        }
    }

    /// <summary>llama.cpp serves /infill and /props at the server's root, beside /v1.</summary>
    public static string ServerRoot(string apiRoot) =>
        apiRoot.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? apiRoot[..^3] : apiRoot;

    /// <summary>The server a model list's <c>owned_by</c> or Server header names; null for any other.</summary>
    internal static ServerIdentity? Recognise(string? ownedBy, string? serverHeader)
    {
        if (serverHeader is not null && serverHeader.Contains("llama.cpp", StringComparison.OrdinalIgnoreCase))
        {
            return new ServerIdentity("llama.cpp", FillInTheMiddleMode.Infill, $"Server: {serverHeader}");
        }

        string evidence = $"GET /v1/models: owned_by {ownedBy}";
        return ownedBy switch
        {
            "llamacpp" => new ServerIdentity("llama.cpp", FillInTheMiddleMode.Infill, evidence),
            "vllm" => new ServerIdentity("vLLM", FillInTheMiddleMode.Template, evidence),
            "sglang" => new ServerIdentity("SGLang", FillInTheMiddleMode.Template, evidence),
            "organization_owner" => new ServerIdentity("LM Studio", FillInTheMiddleMode.Template, evidence),
            "deepseek" => new ServerIdentity("DeepSeek", FillInTheMiddleMode.Suffix, evidence),
            "mistralai" => new ServerIdentity("Mistral", FillInTheMiddleMode.FimEndpoint, evidence),
            _ => null,
        };
    }

    private static async Task<ServerIdentity?> FromModelListAsync(HttpClient http, Uri address, ApiKeySource key, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await GetAsync(http, address, key, cancellationToken);
        string? server = response.Headers.Server.Count > 0 ? response.Headers.Server.ToString() : null;
        if (!response.IsSuccessStatusCode)
        {
            return Recognise(null, server);
        }

        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        ServedModelList? list = await JsonSerializer.DeserializeAsync(body, ServerIdentityJsonContext.Default.ServedModelList, cancellationToken);
        string? ownedBy = list?.Data?.Select(m => m.OwnedBy).FirstOrDefault(o => !string.IsNullOrEmpty(o));
        return Recognise(ownedBy, server);
    }

    private static async Task<ServerIdentity?> FromPropsAsync(HttpClient http, Uri address, ApiKeySource key, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await GetAsync(http, address, key, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        LlamaServerProps? props = await JsonSerializer.DeserializeAsync(body, ServerIdentityJsonContext.Default.LlamaServerProps, cancellationToken);
        return props?.DefaultGenerationSettings is { ValueKind: JsonValueKind.Object }
            ? new ServerIdentity("llama.cpp", FillInTheMiddleMode.Infill, "GET /props answered" + (props.BuildInfo is { } build ? $" (build {build})" : ""))
            : null;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri address, ApiKeySource key, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, address);
        if (key.Key is { } value)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
