using Router.Backends.Endpoints;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Lsp.Configuration;
using Router.Lsp.Documents;

namespace Router.Lsp.Completion;

/// <summary>Asks the routing policy where a completion goes (the code tier, privacy checked) and finds its provider.</summary>
internal sealed class CompletionRouter(RouterConfigSource config, IModelProviderSource providers)
{
    /// <summary>The route, or throws <see cref="EndpointUnavailableException"/> when the decision names no usable endpoint.</summary>
    /// <param name="relatedFiles">Other documents quoted in the prompt, so their paths are checked for privacy too.</param>
    public CompletionRoute Route(TextDocument document, FillInTheMiddleContext context, IReadOnlyList<string> relatedFiles)
    {
        RoutePolicy policy = config.Policy;
        RouteRequest request = new(document.Uri, RequestKind.Completion)
        {
            Language = document.LanguageId,
            File = FilePath(document.Uri),
            Prefix = context.Prefix,
            Suffix = context.Suffix,
            Files = [.. relatedFiles.Select(FilePath)],
        };
        RouteDecision decision = policy.Decide(request);
        if (!policy.Config.Endpoints.TryGetValue(decision.Endpoint, out EndpointConfig? endpoint))
        {
            throw new EndpointUnavailableException(
                $"the {decision.Tier.Name()} tier has no endpoint in {policy.Config.Source}");
        }

        return new CompletionRoute(decision, providers.ProviderFor(endpoint));
    }

    // The policy matches private-file globs against a path, not a URI.
    private static string FilePath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile ? parsed.LocalPath : uri;
}
