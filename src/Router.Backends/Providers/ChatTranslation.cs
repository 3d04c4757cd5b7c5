using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>A chat <see cref="ModelRequest"/> sent through an <see cref="IChatClient"/> and its updates read back as
/// <see cref="ModelChunk"/>s: the one translation every provider's chat path shares.</summary>
internal static class ChatTranslation
{
    /// <summary>The request's messages (or its prompt as one user message) in Microsoft.Extensions.AI's shape.</summary>
    public static List<ChatMessage> Messages(ModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Messages is { Count: > 0 } turns
            ? [.. turns.Select(ToMessage)]
            : [new ChatMessage(ChatRole.User, request.Prompt ?? "")];
    }

    /// <summary>The model, size limit, temperature and stop sequences as chat options.</summary>
    public static ChatOptions Options(ModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChatOptions options = new()
        {
            ModelId = request.Model,
            MaxOutputTokens = request.Options.MaxTokens,
            Temperature = request.Options.Temperature is { } t ? (float)t : null,
        };
        if (request.Options.Stop is { Count: > 0 } stop)
        {
            options.StopSequences = [.. stop];
        }

        if (request.Tools is { Count: > 0 } tools)
        {
            options.Tools = [.. tools];
            options.ToolMode = request.ToolMode;
            options.AllowMultipleToolCalls = request.AllowMultipleToolCalls;
        }

        return options;
    }

    /// <summary>Streams <paramref name="request"/> through <paramref name="client"/>: a chunk per piece of text, then a final chunk
    /// with the finish reason and, when the host reported it, usage. Timings are the host's when an update carries them
    /// (<see cref="HostTimings"/>: Ollama's load and eval durations, which say whether the answer paid for a cold load); else the
    /// wall clock split at the first token, as cloud chat APIs report none.</summary>
    public static async IAsyncEnumerable<ModelChunk> StreamAsync(
        IChatClient client, ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        Stopwatch clock = Stopwatch.StartNew();
        TimeSpan? firstToken = null;
        ChatFinishReason? finishReason = null;
        UsageDetails? usage = null;
        HostTimings? timings = null;
        List<FunctionCallContent> calls = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(Messages(request), Options(request), cancellationToken))
        {
            finishReason = update.FinishReason ?? finishReason;
            timings = HostTimings.From(update.AdditionalProperties) ?? timings;
            string text = "";
            foreach (AIContent content in update.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } piece:
                        text += piece.Text;
                        break;
                    case UsageContent reported:
                        usage = reported.Details;
                        break;
                    case FunctionCallContent call:
                        calls.Add(call);
                        break;
                }
            }

            if (text.Length > 0)
            {
                firstToken ??= clock.Elapsed;
                yield return new ModelChunk(text, false);
            }
        }

        TimeSpan total = clock.Elapsed;
        ModelUsage? toUsage = usage is { InputTokenCount: { } input, OutputTokenCount: { } output }
            ? timings is { } host
                ? new ModelUsage((int)input, (int)output, host.Total, host.Load, host.PromptEval, host.Eval)
                : new ModelUsage((int)input, (int)output, total, TimeSpan.Zero, firstToken ?? total, total - (firstToken ?? total))
            : null;
        yield return Final(toUsage, DoneReason(finishReason), calls);
    }

    /// <summary>The final chunk; an answer with tool calls ends for them, whatever finish reason the host gave.</summary>
    public static ModelChunk Final(ModelUsage? usage, string? doneReason, IReadOnlyList<FunctionCallContent> calls) =>
        new("", true, usage, calls.Count > 0 && doneReason is null or "stop" ? "tool_calls" : doneReason) { ToolCalls = calls };

    /// <summary>The router's done reason ("stop", "length", …) for a chat finish reason.</summary>
    public static string DoneReason(ChatFinishReason? reason) =>
        reason is not { } known || known == ChatFinishReason.Stop ? "stop"
        : known == ChatFinishReason.Length ? "length"
        : known == ChatFinishReason.ContentFilter ? "content_filter"
        : known == ChatFinishReason.ToolCalls ? "tool_calls"
        : known.Value;

    private static ChatMessage ToMessage(ChatTurn turn)
    {
        ChatRole role = turn.Role switch
        {
            "system" => ChatRole.System,
            "assistant" => ChatRole.Assistant,
            "tool" => ChatRole.Tool,
            _ => ChatRole.User,
        };
        if (turn.Parts.Count == 0)
        {
            return new ChatMessage(role, turn.Content);
        }

        List<AIContent> contents = turn.Content.Length > 0 ? [new TextContent(turn.Content)] : [];
        contents.AddRange(turn.Parts);
        return new ChatMessage(role, contents);
    }
}
