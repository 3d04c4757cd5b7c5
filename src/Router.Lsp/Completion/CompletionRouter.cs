using Router.Core.Policy;
using Router.Core.Requests;
using Router.Lsp.Documents;
using Router.Runtime.Configuration;

namespace Router.Lsp.Completion;

/// <summary>Asks the routing policy where a completion goes (the code tier, privacy checked).</summary>
internal sealed class CompletionRouter(RouterConfigSource config)
{
    /// <summary>False while the editor's <c>router.completion.enabled</c> setting is off.</summary>
    public bool Enabled => config.Settings.CompletionEnabled;

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
        return new CompletionRoute(request, policy.Decide(request), policy.Config);
    }

    // The policy matches private-file globs against a path, not a URI.
    private static string FilePath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile ? parsed.LocalPath : uri;
}
