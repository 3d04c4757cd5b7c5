using Router.Backends.Providers;
using Router.Core.Requests;

namespace Router.Runtime.Dispatch;

/// <summary>The model request each kind of editor request becomes: completion fills the middle, the others are chat messages.</summary>
public static class ModelPrompts
{
    /// <summary>The request for <paramref name="model"/>: completion sends prefix and suffix (fill-in-the-middle); explain,
    /// refactor and chat send a short system instruction and the text.</summary>
    public static ModelRequest Build(RouteRequest request, string model)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        string language = string.IsNullOrWhiteSpace(request.Language) ? "" : request.Language + " ";
        string text = request.Text ?? "";
        return request.Kind switch
        {
            RequestKind.Completion => new ModelRequest(model)
            {
                Prompt = request.Prefix ?? request.Text ?? "",
                Suffix = string.IsNullOrEmpty(request.Suffix) ? null : request.Suffix,
            },
            RequestKind.Explain => Chat(model, $"Explain what this {language}code does, briefly and precisely.", text),
            RequestKind.Refactor => Chat(
                model, $"Refactor this {language}code as asked. Answer with the complete rewritten code in one fenced block, then one line on what changed.", text),
            _ => Chat(model, "You are a concise, precise programming assistant.", text),
        };
    }

    private static ModelRequest Chat(string model, string instruction, string text) => new(model)
    {
        Messages = [new ChatTurn("system", instruction), new ChatTurn("user", text)],
    };
}
