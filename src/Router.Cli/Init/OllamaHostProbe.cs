using Router.Backends.Ollama;
using Router.Backends.Providers;

namespace Router.Cli.Init;

/// <summary>Asks one Ollama host what it has: version, models with sizes (<c>/api/tags</c>), each model's capabilities and
/// context (<c>/api/show</c>) and what is loaded (<c>/api/ps</c>). A host that does not answer is a survey with an error.</summary>
internal static class OllamaHostProbe
{
    public static async Task<HostSurvey> SurveyAsync(string name, Uri url, HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var host = new OllamaProvider(name, url, http);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var tags = await host.ListModelsAsync(limit.Token);
            var version = await Optional(() => host.GetVersionAsync(limit.Token), cancellationToken);
            var running = await Optional(() => host.ListRunningModelsAsync(limit.Token), cancellationToken);
            var models = new List<HostModel>();
            foreach (var tag in tags.Where(t => !string.IsNullOrWhiteSpace(t.Name)))
            {
                // A model /api/show cannot describe is still listed; its capabilities are then judged from its name.
                var show = await Optional(() => host.ShowAsync(tag.Name, limit.Token), cancellationToken);
                models.Add(new HostModel(
                    tag.Name,
                    tag.Size,
                    tag.Details?.ParameterSize,
                    show?.Capabilities is { } capabilities ? [.. capabilities] : null,
                    show is null ? null : OllamaModelFacts.ContextLength(show)));
            }

            var loaded = running?.Select(r => r.Name).Where(n => !string.IsNullOrEmpty(n)).ToList() ?? [];
            return new HostSurvey(name, host.BaseAddress, version, models, loaded, Error: null);
        }
        catch (ProviderException e)
        {
            return new HostSurvey(name, host.BaseAddress, null, [], [], OneLine(e.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HostSurvey(name, host.BaseAddress, null, [], [], $"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>A call whose answer only adds detail: a failure, or the host's time running out, leaves that detail unknown.</summary>
    private static async Task<T?> Optional<T>(Func<Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (ProviderException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
