using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>A request as any API shape gives it, ready for the router: the model name the client asked for, whether it
/// streams, the conversation, and the options (kind, suffix, sampling) the router reads.</summary>
/// <param name="IncludeUsage">OpenAI's <c>stream_options.include_usage</c>: the stream ends with a usage chunk.</param>
public sealed record GatewayAsk(string Model, bool Stream, IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool IncludeUsage = false);
