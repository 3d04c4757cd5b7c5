using System.Globalization;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Redaction;
using Router.Core.Requests;
using Router.Core.Tokens;
using Router.Lsp.Chat;
using Router.Lsp.Contracts;
using Router.Lsp.Documents;
using Router.Lsp.Status;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Dispatch;
using Router.Runtime.Sessions;

namespace Router.Lsp.Assistant;

/// <summary>Explain, refactor and chat: routes the request with the session's history, dispatches it (fallback and one
/// escalation included), streams explain and chat answers to the editor as <c>router/answer</c>, and records the tier
/// that answered (continuity), the decision (why this model) and the status.</summary>
internal sealed class AssistantService(
    DocumentStore documents,
    RouterConfigSource config,
    RouterRuntime runtime,
    SessionHistory history,
    DecisionLog decisions,
    StatusPublisher status,
    JsonRpcConnection client)
{
    private long _answers;

    /// <summary>The open documents, for a refactor that sends other files along.</summary>
    public DocumentStore Documents => documents;

    /// <summary>The configuration in force, for budgets sized to a tier's context.</summary>
    public RouterConfig Config => config.Policy.Config;

    /// <summary>Answers <paramref name="ask"/>. Throws a <see cref="JsonRpcException"/> the editor shows when the document is
    /// unknown or no host could answer (the message lists every attempt).</summary>
    /// <param name="observe">Also sees every step of the dispatch (work-done progress); null when nobody else follows it.</param>
    public async Task<AssistantAnswer> AnswerAsync(
        AssistantAsk ask, CancellationToken cancellationToken, Func<DispatchEvent, CancellationToken, ValueTask>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(ask);
        TextDocument? document = null;
        if (ask.Uri is not null && !documents.TryGet(ask.Uri, out document))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{ask.Uri} is not open in the editor");
        }

        string selection = document is not null && ask.Range is not null ? Selected(document, ask.Range) : "";
        string id = "a-" + Interlocked.Increment(ref _answers).ToString(CultureInfo.InvariantCulture);
        string text = ask.Prompt ?? PromptText(ask, document?.LanguageId, selection);
        RoutePolicy policy = config.Policy;

        // A chat carries the conversation so far; the other kinds send no history, the policy reads it for continuity.
        ChatConversation? conversation = ask.Kind == RequestKind.Chat
            ? ChatConversation.Select(history.Turns(), policy.Config, TokenCounter.Default.Count(text), TokenCounter.Default)
            : null;
        RouteRequest request = new(id, ask.Kind)
        {
            Language = document?.LanguageId,
            File = document is null ? null : FilePath(document.Uri),
            Text = text,
            Files = ask.Files,
            History = conversation?.History ?? history.Snapshot(),
        };
        RouteDecision decision = conversation?.Decide(policy, request, status.SpentTodayUsd()) ?? policy.Decide(request, status.SpentTodayUsd());
        Func<string, ModelRequest>? build = conversation is { Sent.Count: > 0 } ? model => conversation.BuildModelRequest(model, text) : ask.BuildModelRequest;
        bool streams = ask.Kind is RequestKind.Explain or RequestKind.Chat;
        string title = Title(ask, document);
        DispatchResult result;
        try
        {
            result = await runtime.Dispatcher.DispatchAsync(
                new DispatchRequest(request, decision, policy.Config) { BuildModelRequest = build, Judge = ask.Judge },
                streams || observe is not null ? (step, token) => StreamAsync(id, title, ask.Kind, streams, step, observe, token) : null,
                cancellationToken);
        }
        catch (DispatchFailedException failed)
        {
            if (streams)
            {
                await SendAsync(new RouterAnswerParams(id, title, ask.Kind.Name(), $"**No model could answer.**\n\n```\n{OutwardRedactor.Default.Redact(failed.Message)}\n```\n", true, Reset: true), CancellationToken.None);
            }

            await status.ReportFailureAsync(
                $"{Title(ask, document)} ({decision.Tier.Name()} {decision.Model}) failed", failed.Attempts, failed.Summary, failed.Privacy, CancellationToken.None);
            throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, OutwardRedactor.Default.Redact(failed.Message));
        }

        await runtime.RecordAsync(result, policy.Config, CancellationToken.None);
        history.Record(ask.Kind, request.Text, result.Tier, result.Text, decision.LocalOnly);
        decisions.Add(Describe(id, ask.Kind, decision, result));
        if (streams)
        {
            await SendAsync(new RouterAnswerParams(id, title, ask.Kind.Name(), "", true, result.Tier.Name(), result.Model, result.Endpoint), CancellationToken.None);
        }

        await status.ReportAnswerAsync(result, decision.ModelSetting, CancellationToken.None);
        return new AssistantAnswer(id, selection, result);
    }

    private async ValueTask StreamAsync(
        string id, string title, RequestKind kind, bool streams, DispatchEvent step, Func<DispatchEvent, CancellationToken, ValueTask>? observe, CancellationToken cancellationToken)
    {
        if (observe is not null)
        {
            await observe(step, cancellationToken);
        }

        if (streams)
        {
            await StreamAsync(id, title, kind, step, cancellationToken);
        }
    }

    private ValueTask StreamAsync(string id, string title, RequestKind kind, DispatchEvent step, CancellationToken cancellationToken)
    {
        string tier = step.Tier.Name();
        return step.Kind switch
        {
            DispatchEventKind.Text => new ValueTask(SendAsync(new RouterAnswerParams(id, title, kind.Name(), step.Text, false, tier, step.Model, step.Endpoint), cancellationToken)),

            // The text shown so far came from a host that failed, or from an answer judged weak: start again.
            DispatchEventKind.Restart or DispatchEventKind.Escalation =>
                new ValueTask(SendAsync(new RouterAnswerParams(id, title, kind.Name(), "", false, tier, step.Model, step.Endpoint, Reset: true), cancellationToken)),
            DispatchEventKind.Progress => new ValueTask(status.ReportProgressAsync(step.Text, cancellationToken)),
            _ => ValueTask.CompletedTask,
        };
    }

    private Task SendAsync(RouterAnswerParams answer, CancellationToken cancellationToken) =>
        client.SendNotificationAsync(RouterMethods.Answer, answer, RouterJsonContext.Default.RouterAnswerParams, cancellationToken);

    private static RouterDecisionInfo Describe(string id, RequestKind kind, RouteDecision decision, DispatchResult result) => new(
        id,
        kind.Name(),
        result.Tier.Name(),
        result.Model,
        result.Endpoint,
        decision.Reasons,
        Math.Round(result.Latency.TotalMilliseconds, 1),
        [.. result.Attempts.Where(attempt => attempt.Outcome != DispatchAttemptOutcome.Answered).Select(attempt => attempt.ToString())],
        result.Escalation?.Summary);

    private static string PromptText(AssistantAsk ask, string? language, string selection)
    {
        string code = selection.Length == 0 ? "" : $"```{language}\n{selection}\n```";
        return ask.Kind switch
        {
            RequestKind.Explain => selection,
            _ when string.IsNullOrWhiteSpace(ask.Instruction) => code,
            _ when code.Length == 0 => ask.Instruction!,
            _ => $"{ask.Instruction}\n\n{code}",
        };
    }

    private string Selected(TextDocument document, Protocol.Lsp.Range range)
    {
        int start = document.OffsetAt(range.Start, documents.Encoding);
        int end = document.OffsetAt(range.End, documents.Encoding);
        return end > start ? document.Text[start..end] : "";
    }

    private static string Title(AssistantAsk ask, TextDocument? document)
    {
        string where = document is null || ask.Range is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" {Path.GetFileName(FilePath(document.Uri))}:{ask.Range.Start.Line + 1}-{ask.Range.End.Line + 1}");
        return ask.Kind switch
        {
            RequestKind.Explain => "Explain" + where,
            RequestKind.Refactor => "Refactor" + where,
            _ => "Ask" + where,
        };
    }

    private static string FilePath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile ? parsed.LocalPath : uri;
}
