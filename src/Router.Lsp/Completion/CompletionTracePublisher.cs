using Router.Core.Redaction;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;

namespace Router.Lsp.Completion;

/// <summary>Hands each completion trace to the host's observer and, when the client asked for it at initialize,
/// sends it to the client as a <c>router/completionTrace</c> notification (how the demo sees what happened
/// inside the server process).</summary>
internal sealed class CompletionTracePublisher(JsonRpcConnection client, Action<CompletionTrace>? observer)
{
    /// <summary>Set at initialize from the client's <c>initializationOptions.completionTraces</c>.</summary>
    public bool NotifyClient { get; set; }

    public async Task PublishAsync(CompletionTrace trace)
    {
        try
        {
            observer?.Invoke(trace);
        }
#pragma warning disable CA1031 // A host's observer must never turn a completion into an error.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Ignored on purpose: tracing is best effort.
        }

        if (!NotifyClient)
        {
            return;
        }

        try
        {
            await client.SendNotificationAsync(RouterMethods.CompletionTrace, ToWire(trace), RouterJsonContext.Default.CompletionTraceParams, CancellationToken.None);
        }
        catch (IOException)
        {
            // The client is gone.
        }
    }

    private static CompletionTraceParams ToWire(CompletionTrace trace) => new(
        trace.Method,
        trace.DocumentUri,
        trace.Tier,
        trace.Model,
        trace.Endpoint,
        trace.Outcome.ToString().ToLowerInvariant(),
        trace.Latency.TotalMilliseconds,
        trace.PrefixTokens,
        trace.SuffixTokens,
        trace.MultiLine,
        trace.CompletionLength,
        trace.TimeToFirstChunk?.TotalMilliseconds,
        trace.Usage?.PromptTokens,
        trace.Usage?.OutputTokens,
        OutwardRedactor.Default.RedactOptional(trace.Error));
}
