using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>The same kinds of asks in English, which the English patterns read; their reasons name no language, as
/// before other languages were recognised.</summary>
public sealed class EnglishAskTests
{
    public static TheoryData<string, SignalClass?> Asks => new()
    {
        { "Prove that the sum of two odd numbers is even.", SignalClass.Reasoning },
        { "What's the probability of rolling two sixes with two dice?", SignalClass.Reasoning },
        { "What is the time complexity of merge sort, and why?", SignalClass.Reasoning },
        { "Write a Python function that removes duplicates from a list.", SignalClass.Code },
        { "Fix this, it throws an IndexError on an empty list.", SignalClass.Code },
        { "How do I parse JSON in Go?", SignalClass.Code },
        { "Design a highly available payment system for a marketplace.", SignalClass.Wide },
        { "Which services in the monorepo depend on the old billing client?", SignalClass.Wide },
        { "What is shown in this screenshot?", SignalClass.Image },
        { "Describe the attached image.", SignalClass.Image },
        { "What's the difference between 'affect' and 'effect'?", null },
        { "Translate 'good luck' into Spanish.", null },
        { "Hi, how are you today?", null },
        { "Write a short birthday note for my grandmother.", null },
    };

    [Theory]
    [MemberData(nameof(Asks))]
    public void English_asks_reach_their_tier_and_name_no_language(string ask, SignalClass? expected)
    {
        ContentAnalysis analysis = LanguageAsks.Analyze(ask);

        Assert.Equal(expected, analysis.Winner);
        Assert.DoesNotContain(analysis.Signals, s => s.Name.Length > 5 && s.Name[^4] == '(' && s.Name[^1] == ')');
    }
}
