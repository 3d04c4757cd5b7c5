using System.Text;
using Router.Backends.Providers;
using Router.Core.Tokens;
using Router.Lsp.Documents;

namespace Router.Lsp.Completion;

/// <summary>Text from the other open files of the same language, most recently edited first, as comments the model reads
/// before the prefix (the way Continue and Copilot give a model the names and signatures it would otherwise invent).</summary>
internal sealed class RelatedFilesContextBuilder(TokenCounter tokens, int budget)
{
    // Below this a file's snippet is too short to help.
    private const int MinimumSnippetTokens = 32;

    /// <summary>The comment block for <paramref name="documents"/> within the token budget, and the files it quotes.</summary>
    public RelatedFilesContext Build(string languageId, IReadOnlyList<TextDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (budget <= 0 || documents.Count == 0)
        {
            return RelatedFilesContext.None;
        }

        string marker = CommentMarker(languageId);
        StringBuilder block = new();
        List<string> uris = [];
        List<ContextFile> files = [];
        int left = budget;
        foreach (TextDocument document in documents)
        {
            string header = $"{marker} Path: {DisplayPath(document.Uri)}\n";
            int headerTokens = tokens.Count(header);
            if (left - headerTokens < MinimumSnippetTokens)
            {
                break;
            }

            // The head of a file holds its imports and declarations: what a completion elsewhere most often needs.
            int used = headerTokens;
            StringBuilder snippet = new();
            StringBuilder plain = new();
            foreach (string line in document.Text.Split('\n'))
            {
                string commented = $"{marker} {line.TrimEnd('\r')}\n";
                int cost = tokens.Count(commented);
                if (used + cost > left)
                {
                    break;
                }

                snippet.Append(commented);
                plain.Append(line.TrimEnd('\r')).Append('\n');
                used += cost;
            }

            if (snippet.Length == 0)
            {
                continue;
            }

            block.Append(header).Append(snippet);
            uris.Add(document.Uri);
            files.Add(new ContextFile(DisplayPath(document.Uri), plain.ToString()));
            left -= used;
        }

        return uris.Count == 0 ? RelatedFilesContext.None : new RelatedFilesContext(block.Append('\n').ToString(), budget - left, uris, files);
    }

    private static string CommentMarker(string languageId) => languageId switch
    {
        "python" or "ruby" or "shellscript" or "perl" or "r" or "yaml" or "toml" or "elixir" or "julia" or "powershell" or "dockerfile" or "makefile" => "#",
        "lua" or "sql" or "haskell" or "elm" => "--",
        "clojure" or "lisp" or "scheme" or "racket" => ";;",
        "erlang" or "latex" or "matlab" => "%",
        "vb" => "'",
        _ => "//",
    };

    private static string DisplayPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile ? parsed.LocalPath : uri;
}
