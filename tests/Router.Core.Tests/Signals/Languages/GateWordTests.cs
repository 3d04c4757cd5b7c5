using Router.Core.Signals;
using Router.Core.Signals.Languages;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>The English path skips the language pass for ASCII text without a gate word: no stem that shows a language by
/// itself may be missed by that gate.</summary>
public sealed class GateWordTests
{
    private static readonly string[] EnglishWords =
        ["the", "please", "function", "data", "and", "of", "write", "this", "code", "system", "plan", "42", "test", "fix"];

    /// <summary>A word of each one-word, ASCII, language-showing stem: the stem itself when it must be whole, with a
    /// suffix otherwise (a stem is the start of a word).</summary>
    private static List<string> StemWords()
    {
        CueMatcher matcher = CueMatcher.Default;
        List<string> words = [];
        for (int entry = 0; entry < matcher.EntryCount; entry++)
        {
            Stem stem = Stem.Parse(matcher.StemOf(entry));
            if (stem.Place == StemPlace.WordStart && !matcher.NeedsEvidence(entry) && !stem.Exclusion && stem.Text.All(char.IsAsciiLetterOrDigit))
            {
                words.Add(stem.Whole ? stem.Text : stem.Text + "en");
            }
        }

        return words;
    }

    [Fact]
    public void Every_language_showing_stem_is_a_gate_word_in_any_case()
    {
        List<string> words = StemWords();
        Assert.True(words.Count > 500, $"only {words.Count} stems read");
        foreach (string word in words)
        {
            foreach (string form in (string[])[word, word.ToUpperInvariant(), char.ToUpperInvariant(word[0]) + word[1..]])
            {
                Assert.True(ContentSignalDetector.Wording.Read($"so {form}, then").HasGateWord, $"\"{form}\" passes no gate");
            }
        }
    }

    [Fact]
    public void Text_that_passes_no_gate_finds_no_signal_of_another_language()
    {
        List<string> words = StemWords();
        var random = new Random(20251206);
        for (int sample = 0; sample < 3000; sample++)
        {
            string text = string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ =>
                random.Next(4) == 0 ? words[random.Next(words.Count)] : EnglishWords[random.Next(EnglishWords.Length)]));
            List<ContentSignal> signals = [];
            LanguageSignalDetector.Add(text, technologyNamed: false, identifiers: 0, signals);
            if (signals.Count > 0)
            {
                Assert.True(
                    ContentSignalDetector.Wording.Read(text).HasGateWord || LanguageSignalDetector.HoldsLetterOutsideAscii(text),
                    $"\"{text}\" finds {signals[0].Name} but passes no gate");
            }
        }
    }
}
