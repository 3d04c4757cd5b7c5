using System.Globalization;
using System.Text;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Dispatch;

namespace Router.Cli.Asking;

/// <summary>The lines `router ask` prints after the answer: route, host, tokens, latency, and any fallback or escalation.</summary>
internal static class AskSummary
{
    public static string Format(RouteDecision decision, DispatchResult result)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(result);
        StringBuilder text = new();
        Line("route", $"{decision.Tier.Name()} {decision.Model} on {decision.Endpoint}{(decision.LocalOnly ? " (private: local only)" : "")} — {string.Join("; ", decision.Reasons)}");
        Line("answered", $"{result.Tier.Name()} {result.Model} on {result.Endpoint}");
        string tokens = result.Usage is { } usage
            ? Invariant($"{usage.PromptTokens} in, {usage.OutputTokens} out")
            : "not reported";
        string firstToken = result.TimeToFirstToken is { } first ? Invariant($", first token {first.TotalMilliseconds:0} ms") : "";

        // The server's load_duration says whether this answer paid for loading the model into memory.
        if (result.Usage is { LoadDuration: var load } && load >= TimeSpan.FromMilliseconds(100))
        {
            firstToken += Invariant($", of which {load.TotalMilliseconds:0} ms loading {result.Model} on {result.Endpoint} (cold)");
        }
        Line("tokens", tokens);
        Line("latency", Invariant($"{result.Latency.TotalMilliseconds:0} ms{firstToken}"));
        if (result.CostUsd > 0)
        {
            Line("cost", Invariant($"${result.CostUsd:0.0000}"));
        }

        List<DispatchAttempt> notAnswered = result.Attempts.Where(a => a.Outcome != DispatchAttemptOutcome.Answered).ToList();
        for (int i = 0; i < notAnswered.Count; i++)
        {
            Line(i == 0 ? "fallback" : "", notAnswered[i].ToString());
        }

        if (result.Escalation is { } escalation)
        {
            Line("escalation", escalation.Summary);
        }

        return text.ToString();

        void Line(string name, string value) => text.Append(CultureInfo.InvariantCulture, $"{name,-10} {value}").Append('\n');
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
