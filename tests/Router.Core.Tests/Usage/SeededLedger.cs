using Router.Core.Requests;
using Router.Core.Usage;

namespace Router.Core.Tests.Usage;

/// <summary>A made-up but plausible ledger: 10,000 requests over the 30 days before <see cref="End"/>, the same on every run
/// (a fixed seed). Most go to code completion; some editors never report accepts (Lua here, as from Neovim); a few requests
/// cold-load, fall back, escalate or go to the cloud.</summary>
internal static class SeededLedger
{
    public const int Requests = 10_000;

    public static readonly DateTimeOffset End = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly (Tier Tier, string Model, bool Cloud, double Weight, double PromptRate, double OutputRate)[] Routes =
    [
        (Tier.Code, "qwen2.5-coder:14b", false, 0.70, 2500, 45),
        (Tier.Quick, "qwen2.5:3b", false, 0.14, 6000, 110),
        (Tier.Reasoning, "deepseek-r1:8b", false, 0.05, 3000, 60),
        (Tier.Vision, "granite3.2-vision:2b", false, 0.03, 4000, 90),
        (Tier.Heavy, "qwen2.5-coder:32b", false, 0.06, 900, 18),
        (Tier.Frontier, "claude-sonnet-4-5", true, 0.02, 20000, 80),
    ];

    private static readonly string[] Languages = ["python", "csharp", "typescript", "go", "lua"];

    private static readonly string[] Reasons = ["kind completion", "code signal: error message", "wide scope: architecture", "kind explain", "math terms"];

    /// <summary>The records, the last of them before <paramref name="end"/> (<see cref="End"/> by default).</summary>
    public static IReadOnlyList<UsageRecord> Records(DateTimeOffset? end = null)
    {
        DateTimeOffset last = end ?? End;
        DateTimeOffset start = last.AddDays(-30);
        Random random = new(18);
        List<UsageRecord> records = new(Requests);
        for (int i = 0; i < Requests; i++)
        {
            DateTimeOffset at = start.AddSeconds(random.NextDouble() * (last - start).TotalSeconds);
            var route = Pick(random);
            RequestKind kind = route.Tier switch
            {
                Tier.Code => random.NextDouble() < 0.9 ? RequestKind.Completion : RequestKind.Chat,
                Tier.Quick => RequestKind.Explain,
                Tier.Heavy or Tier.Frontier => RequestKind.Refactor,
                _ => RequestKind.Chat,
            };
            string language = kind == RequestKind.Completion || random.NextDouble() < 0.5 ? Languages[random.Next(Languages.Length)] : "";
            int input = kind == RequestKind.Completion ? 300 + random.Next(1800) : 100 + random.Next(6000);
            int output = kind == RequestKind.Completion ? 4 + random.Next(60) : 50 + random.Next(900);
            TimeSpan? cold = random.NextDouble() < 0.02 ? TimeSpan.FromSeconds(2 + (random.NextDouble() * 18)) : null;
            double jitter = 0.7 + (random.NextDouble() * 0.6);
            TimeSpan first = TimeSpan.FromSeconds((input / route.PromptRate * jitter) + 0.02) + (cold ?? TimeSpan.Zero);
            TimeSpan latency = first + TimeSpan.FromSeconds(output / route.OutputRate * jitter);
            double roll = random.NextDouble();
            UsageOutcome outcome = roll < 0.04 ? UsageOutcome.Failed : roll < 0.10 ? UsageOutcome.Cancelled : Served(kind, language, random);
            bool failed = outcome == UsageOutcome.Failed;
            bool cancelled = outcome == UsageOutcome.Cancelled;
            int? accepted = outcome == UsageOutcome.Accepted ? 1 + random.Next(120) : null;
            decimal cost = route.Cloud && !failed ? Math.Round((decimal)((input * 3.0) + (output * 15.0)) / 1_000_000m, 6) : 0;
            records.Add(new UsageRecord(
                $"req-{i:D5}",
                at,
                kind,
                route.Tier,
                route.Model,
                route.Cloud ? "anthropic" : route.Tier == Tier.Quick ? "laptop" : "gpu-box",
                route.Cloud,
                language,
                input,
                failed ? 0 : output,
                TokensEstimated: random.NextDouble() < 0.1,
                TimeToFirstToken: failed || cancelled ? null : first,
                Latency: failed ? null : latency,
                ColdLoad: cold,
                outcome,
                FellBack: random.NextDouble() < 0.03,
                Escalated: route.Tier is Tier.Heavy or Tier.Frontier && random.NextDouble() < 0.2,
                accepted,
                cost,
                Reasons[random.Next(Reasons.Length)]));
        }

        records.Sort((a, b) => a.At.CompareTo(b.At));
        return records;
    }

    private static UsageOutcome Served(RequestKind kind, string language, Random random)
    {
        if (kind != RequestKind.Completion)
        {
            return UsageOutcome.Answered;
        }

        // Lua is edited in Neovim here: its completions are shown and never reported either way.
        if (language == "lua")
        {
            return UsageOutcome.Shown;
        }

        double roll = random.NextDouble();
        return roll < 0.3 ? UsageOutcome.Accepted : roll < 0.95 ? UsageOutcome.Dismissed : UsageOutcome.Shown;
    }

    private static (Tier Tier, string Model, bool Cloud, double Weight, double PromptRate, double OutputRate) Pick(Random random)
    {
        double roll = random.NextDouble();
        foreach (var route in Routes)
        {
            if (roll < route.Weight)
            {
                return route;
            }

            roll -= route.Weight;
        }

        return Routes[0];
    }
}
