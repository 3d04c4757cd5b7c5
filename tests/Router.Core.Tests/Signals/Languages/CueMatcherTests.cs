using Router.Core.Signals.Languages;

namespace Router.Core.Tests.Signals.Languages;

public sealed class CueMatcherTests
{
    private static readonly CueMatcher Matcher = new(
    [
        new LanguageCues("de")
        {
            ProofVerbs = ["beweis", "!beweisaufnahme"],
            ImageNouns = ["bild|", "bilder|"],
            CodeNouns = ["~funktion", "!~funktionier"],
            HowWords = ["wie * ich"],
        },
        new LanguageCues("ru") { ComplexityTerms = ["временн* сложност"] },
        new LanguageCues("zh") { SolveVerbs = ["计算", "!计算机", "!云计算"], ProofVerbs = ["证明"] },
        new LanguageCues("ja") { ProofVerbs = ["証明", "ことを示"] },
    ]);

    private static List<(string Stem, string Found, uint Languages)> Find(string text, bool infixes = false)
    {
        char[] folded = new char[TextFolding.MaxFoldedLength(text.Length)];
        int length = TextFolding.Fold(text, folded, [], out _, out _);
        List<CueHit> hits = [];
        Matcher.FindCues(folded.AsSpan(0, length), hits);
        if (infixes)
        {
            Matcher.FindInfixCues(folded.AsSpan(0, length), hits);
        }

        return [.. hits.Select(h => (Matcher.StemOf(h.Entry), new string(folded, h.Start, h.End - h.Start), Matcher.LanguagesOf(h.Entry)))];
    }

    [Theory]
    [InlineData("Beweise, dass", "beweis")]
    [InlineData("BEWEISEN Sie", "beweis")]
    [InlineData("auf dem Bild", "bild|")]
    [InlineData("Wie sortiere ich das?", "wie * ich")]
    [InlineData("Найди временную сложность", "временн* сложност")]
    [InlineData("请计算一下", "计算")]
    public void Stems_are_found_in_their_forms(string text, string stem)
    {
        Assert.Contains(Find(text), hit => hit.Stem == stem);
    }

    [Theory]
    [InlineData("Wir bilden Teams", "bild|")]
    [InlineData("Die Beweisaufnahme beginnt", "beweis")]
    [InlineData("计算机科学", "计算")]
    [InlineData("云计算平台", "计算")]
    [InlineData("Wie geht es dir", "wie * ich")]
    public void Whole_words_and_exceptions_hold(string text, string stem)
    {
        Assert.DoesNotContain(Find(text), hit => hit.Stem == stem);
    }

    [Fact]
    public void Infix_stems_are_found_inside_compounds_only_when_asked()
    {
        Assert.DoesNotContain(Find("Schreibe eine Hilfsfunktion"), hit => hit.Stem == "~funktion");
        Assert.Contains(Find("Schreibe eine Hilfsfunktion", infixes: true), hit => hit.Stem == "~funktion");
        Assert.DoesNotContain(Find("Das funktioniert nicht", infixes: true), hit => hit.Stem == "~funktion");
    }

    [Fact]
    public void Chinese_characters_count_for_Chinese_and_Japanese_alike_but_kana_only_for_Japanese()
    {
        uint chinese = Matcher.ChineseBit;
        uint japanese = Matcher.JapaneseBit;

        Assert.Contains(Find("证明这个"), hit => hit.Stem == "证明" && hit.Languages == (chinese | japanese));
        Assert.Contains(Find("素数が無限にあることを示せ"), hit => hit.Stem == "ことを示" && hit.Languages == japanese);
    }

    [Fact]
    public void Gate_words_are_the_one_word_stems_that_show_a_language()
    {
        IReadOnlyList<(string Word, bool Whole)> gate = Matcher.GateWords;

        Assert.Contains(("beweis", false), gate);
        Assert.Contains(("bild", true), gate);
        Assert.DoesNotContain(gate, g => g.Word is "wie" or "ich" or "beweisaufnahme");
    }
}
