using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using Router.Core.Usage;

namespace Router.Core.Tests.Placement;

public sealed class MeasuredRatesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static RouterConfig Eval => ConfigYaml.LoadGood(ConfigYaml.Eval);

    [Fact]
    public void Rates_are_requests_per_hour_of_work_not_per_hour_of_the_week()
    {
        // 60 completions on code and 12 asks on quick, spread over 3 working hours on two days: nights count for nothing.
        List<UsageRecord> records = [];
        for (int i = 0; i < 60; i++)
        {
            records.Add(Record(Monday.AddMinutes(i * 2 % 120).AddDays(i % 2), Tier.Code, "qwen2.5-coder:14b", UsageOutcome.Shown));
        }

        for (int i = 0; i < 12; i++)
        {
            records.Add(Record(Monday.AddMinutes(5 * i), Tier.Quick, "qwen2.5:3b", UsageOutcome.Answered));
        }

        MeasuredRates measured = WorkloadRates.Measured(Eval, records)!;

        // Hours with a request: Monday 9:00 and 10:00, Tuesday 9:00 and 10:00.
        Assert.Equal(4, measured.ActiveHours);
        Assert.Equal(72, measured.Requests);
        Assert.Equal(15.0, measured.RequestsPerHour[(Tier.Code, "qwen2.5-coder:14b")], 6);
        Assert.Equal(3.0, measured.RequestsPerHour[(Tier.Quick, "qwen2.5:3b")], 6);

        // A configured tier nobody asked for is measured as asked for at no rate, not given the default mix's.
        Assert.Equal(0.0, measured.RequestsPerHour[(Tier.Heavy, Eval.Tiers[Tier.Heavy].Model)]);
    }

    [Fact]
    public void Failed_requests_loaded_nothing_and_do_not_count()
    {
        List<UsageRecord> records = [.. Enumerable.Range(0, 60).Select(i => Record(Monday.AddMinutes(i), Tier.Code, "qwen2.5-coder:14b", UsageOutcome.Shown))];
        records.AddRange(Enumerable.Range(0, 40).Select(i => Record(Monday.AddMinutes(i), Tier.Vision, "granite3.2-vision:2b", UsageOutcome.Failed)));

        MeasuredRates measured = WorkloadRates.Measured(Eval, records)!;

        Assert.Equal(60, measured.Requests);
        Assert.Equal(0.0, measured.RequestsPerHour[(Tier.Vision, "granite3.2-vision:2b")]);
    }

    [Fact]
    public void Too_few_requests_say_nothing_and_leave_the_default_mix()
    {
        List<UsageRecord> records = [.. Enumerable.Range(0, WorkloadRates.MinimumMeasuredRequests - 1).Select(i => Record(Monday.AddMinutes(i), Tier.Code, "qwen2.5-coder:14b", UsageOutcome.Shown))];

        Assert.Null(WorkloadRates.Measured(Eval, records));
    }

    private static UsageRecord Record(DateTimeOffset at, Tier tier, string model, UsageOutcome outcome) => new(
        Guid.NewGuid().ToString("N"), at, tier == Tier.Code ? RequestKind.Completion : RequestKind.Chat, tier, model, "gpu-box", IsCloud: false,
        "python", 100, 10, TokensEstimated: false, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), null, outcome,
        FellBack: false, Escalated: false, AcceptedCharacters: null, CostUsd: 0, "kind completion");
}
