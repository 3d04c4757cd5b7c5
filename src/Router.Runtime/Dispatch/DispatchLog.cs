using System.Globalization;
using Microsoft.Extensions.Logging;
using Router.Core.Requests;

namespace Router.Runtime.Dispatch;

// Every call below is behind IsEnabled for its level, a guard the analyzer does not follow through a helper.
#pragma warning disable CA1873

/// <summary>What a dispatch writes to the log: the decision, each attempt, fallbacks, escalations and failures, by tier, model,
/// host and reason. Never the prompt, the answer or a chunk of either: those are the user's, not the log's.</summary>
internal static partial class DispatchLog
{
    public static void Decided(ILogger log, DispatchRequest request)
    {
        if (!log.IsEnabled(LogLevel.Trace))
        {
            return;
        }

        var decision = request.Decision;
        string privacy = decision.PrivateBecause is { } finding ? $"private ({finding.Detector} in {finding.Field})" : decision.LocalOnly ? "local only" : "may use the cloud";
        Decision(
            log, request.Request.Kind.Name(), decision.Id, decision.Tier.Name(), decision.Model, decision.Endpoint, decision.EstimatedPromptTokens, privacy,
            string.Join("; ", decision.Reasons));
    }

    public static void Finished(ILogger log, DispatchRequest request, DispatchResult result)
    {
        if (log.IsEnabled(LogLevel.Debug))
        {
            foreach (DispatchAttempt attempt in result.Attempts)
            {
                Attempt(log, request.Request.Kind.Name(), request.Decision.Id, attempt.ToString());
            }
        }

        if (!log.IsEnabled(LogLevel.Information))
        {
            return;
        }

        string kind = request.Request.Kind.Name();
        // Where the first answer came from after the decided host failed (an escalation may have replaced it since).
        if (result.FellBack && result.Attempts.FirstOrDefault(a => !a.Escalation && a.Outcome == DispatchAttemptOutcome.Answered) is { } answered)
        {
            string failed = string.Join("; ", result.Attempts.Where(a => a.Outcome != DispatchAttemptOutcome.Answered && !a.Escalation).Select(a => $"{a.Endpoint}: {a.Reason}"));
            FellBack(log, kind, request.Decision.Id, answered.Tier.Name(), answered.Model, answered.Endpoint, failed);
        }

        if (result.Escalation is { } escalation)
        {
            Escalated(log, kind, request.Decision.Id, escalation.Summary);
        }

        if (log.IsEnabled(LogLevel.Debug))
        {
            Answered(
                log, kind, request.Decision.Id, result.Tier.Name(), result.Model, result.Endpoint, Milliseconds(result.Latency),
                result.TimeToFirstToken is { } first ? Milliseconds(first) : "-", result.Text.Length, result.Attempts.Count);
        }
    }

    public static void Failed(ILogger log, DispatchRequest request, DispatchFailedException failure)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            NoAnswer(log, request.Request.Kind.Name(), request.Decision.Id, failure.Message);
        }
    }

    public static void Cancelled(ILogger log, DispatchRequest request)
    {
        if (log.IsEnabled(LogLevel.Debug))
        {
            CancelledBy(log, request.Request.Kind.Name(), request.Decision.Id);
        }
    }

    private static string Milliseconds(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Trace, Message = "{Kind} {Id}: routed to {Tier} {Model} on {Endpoint}, ~{Tokens} prompt tokens, {Privacy}; {Reasons}")]
    private static partial void Decision(ILogger log, string kind, string id, string tier, string model, string endpoint, int tokens, string privacy, string reasons);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} {Id}: attempt {Attempt}")]
    private static partial void Attempt(ILogger log, string kind, string id, string attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Id}: fell back to {Tier} {Model} on {Endpoint} after {Failed}")]
    private static partial void FellBack(ILogger log, string kind, string id, string tier, string model, string endpoint, string failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Id}: escalation: {Summary}")]
    private static partial void Escalated(ILogger log, string kind, string id, string summary);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} {Id}: answered by {Tier} {Model} on {Endpoint} in {LatencyMs} ms (first text at {FirstMs} ms), {Characters} characters, {Attempts} attempts")]
    private static partial void Answered(
        ILogger log, string kind, string id, string tier, string model, string endpoint, string latencyMs, string firstMs, int characters, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Id}: no answer: {Reason}")]
    private static partial void NoAnswer(ILogger log, string kind, string id, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} {Id}: cancelled by the caller")]
    private static partial void CancelledBy(ILogger log, string kind, string id);
}
