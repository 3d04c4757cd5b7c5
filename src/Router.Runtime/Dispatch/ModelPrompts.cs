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
        return request.Kind == RequestKind.Completion
            ? new ModelRequest(model)
            {
                Prompt = request.Prefix ?? request.Text ?? "",
                Suffix = string.IsNullOrEmpty(request.Suffix) ? null : request.Suffix,
            }
            : Chat(model, Instruction(request.Kind, request.Language), request.Text ?? "");
    }

    /// <summary>The system instruction a chat-shaped request of <paramref name="kind"/> is sent with.</summary>
    public static string Instruction(RequestKind kind, string? language)
    {
        string code = string.IsNullOrWhiteSpace(language) ? "code" : language + " code";
        return kind switch
        {
            RequestKind.Explain => $"Explain what this {code} does, briefly and precisely.",
            RequestKind.Refactor => $"Refactor this {code} as asked. Answer with the complete rewritten code in one fenced block, then one line on what changed.",
            _ => "You are a concise, precise programming assistant.",
        };
    }

    private static ModelRequest Chat(string model, string instruction, string text) => new(model)
    {
        Messages = [new ChatTurn("system", instruction), new ChatTurn("user", text)],
    };
}
