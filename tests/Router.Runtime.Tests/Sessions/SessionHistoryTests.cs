using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Sessions;

namespace Router.Runtime.Tests.Sessions;

public sealed class SessionHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly RoutePolicy Policy = new(RouterConfig.Default);

    [Fact]
    public void A_follow_up_with_no_signal_stays_on_the_tier_that_answered_code_turns()
    {
        SessionHistory history = new(new ManualClock(Start));
        RecordCodeTurns(history, answeredBy: Tier.Code);

        RouteDecision decision = Policy.Decide(FollowUp(history));

        Assert.Equal(Tier.Code, decision.Tier);
        Assert.Contains(decision.Reasons, reason => reason.StartsWith("continuity:", StringComparison.Ordinal));
    }

    [Fact]
    public void Turns_decided_for_code_but_answered_elsewhere_do_not_hold_the_session_on_code()
    {
        // Escalated or fallen back: the user's answers came from another tier, so continuity must not claim code.
        SessionHistory history = new(new ManualClock(Start));
        RecordCodeTurns(history, answeredBy: Tier.Heavy);

        RouteDecision decision = Policy.Decide(FollowUp(history));

        Assert.NotEqual(Tier.Code, decision.Tier);
        Assert.Contains(decision.Reasons, reason => reason.StartsWith("no continuity:", StringComparison.Ordinal));
    }

    [Fact]
    public void Continuity_lapses_once_the_turns_are_older_than_the_configured_age()
    {
        ManualClock clock = new(Start);
        SessionHistory history = new(clock);
        RecordCodeTurns(history, answeredBy: Tier.Code);

        clock.Advance(TimeSpan.FromMinutes(RouterConfig.Default.Continuity.MaxAgeMinutes + 1));

        Assert.NotEqual(Tier.Code, Policy.Decide(FollowUp(history)).Tier);
    }

    [Fact]
    public void Snapshot_reports_each_turn_with_its_age_oldest_first()
    {
        ManualClock clock = new(Start);
        SessionHistory history = new(clock);
        history.Record(RequestKind.Explain, "first", Tier.Quick);
        clock.Advance(TimeSpan.FromMinutes(3));
        history.Record(RequestKind.Chat, "second", Tier.Code);
        clock.Advance(TimeSpan.FromMinutes(1));

        IReadOnlyList<HistoryTurn> turns = history.Snapshot();

        Assert.Equal(
            [new HistoryTurn(RequestKind.Explain, "first", Tier.Quick, 4), new HistoryTurn(RequestKind.Chat, "second", Tier.Code, 1)],
            turns);
    }

    [Fact]
    public void A_long_session_keeps_only_the_most_recent_turns()
    {
        SessionHistory history = new(new ManualClock(Start));
        for (int i = 0; i < SessionHistory.Capacity + 10; i++)
        {
            history.Record(RequestKind.Chat, $"turn {i}", Tier.Quick);
        }

        IReadOnlyList<HistoryTurn> turns = history.Snapshot();

        Assert.Equal(SessionHistory.Capacity, turns.Count);
        Assert.Equal($"turn {SessionHistory.Capacity + 9}", turns[^1].Text);
    }

    [Fact]
    public void Clear_starts_a_new_conversation()
    {
        SessionHistory history = new(new ManualClock(Start));
        RecordCodeTurns(history, answeredBy: Tier.Code);

        history.Clear();

        Assert.Empty(history.Snapshot());
    }

    [Fact]
    public void A_turn_keeps_its_answer_and_whether_it_was_private()
    {
        ManualClock clock = new(Start);
        SessionHistory history = new(clock);
        history.Record(RequestKind.Chat, "What is a span?", Tier.Quick, "A view over memory.", isPrivate: false);
        clock.Advance(TimeSpan.FromMinutes(1));
        history.Record(RequestKind.Explain, "var key = Load();", Tier.Quick, "Loads the key.", isPrivate: true);

        IReadOnlyList<SessionTurn> turns = history.Turns();

        Assert.Equal(("What is a span?", "A view over memory.", false), (turns[0].Prompt, turns[0].Answer, turns[0].Private));
        Assert.Equal((RequestKind.Explain, "Loads the key.", true), (turns[1].Kind, turns[1].Answer, turns[1].Private));
        Assert.True(turns[0].MinutesAgo > turns[1].MinutesAgo);
    }

    private static void RecordCodeTurns(SessionHistory history, Tier answeredBy)
    {
        history.Record(RequestKind.Chat, "why does `parse_rows(data)` raise KeyError: 'id'?", answeredBy);
        history.Record(RequestKind.Refactor, "def parse_rows(data):\n    return [row['id'] for row in data]", answeredBy);
        history.Record(RequestKind.Chat, "now make `parse_rows` skip rows without an id", answeredBy);
    }

    private static RouteRequest FollowUp(SessionHistory history) =>
        new("follow-up", RequestKind.Chat) { Text = "ok, thanks. and what about the other one?", History = history.Snapshot() };
}
