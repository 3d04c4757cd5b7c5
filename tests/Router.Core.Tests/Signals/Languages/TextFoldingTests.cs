using Router.Core.Signals.Languages;

namespace Router.Core.Tests.Signals.Languages;

public sealed class TextFoldingTests
{
    private static (string Folded, Scripts Scripts, List<(int, int)> Quotes) Fold(string text)
    {
        char[] folded = new char[TextFolding.MaxFoldedLength(text.Length)];
        int[] quotes = new int[16];
        int length = TextFolding.Fold(text, folded, quotes, out int quoteCount, out Scripts scripts);
        return (new string(folded, 0, length), scripts, [.. Enumerable.Range(0, quoteCount).Select(i => (quotes[2 * i], quotes[(2 * i) + 1]))]);
    }

    [Theory]
    [InlineData("Escribe una Función", "escribe una funcion")]
    [InlineData("DÉMONTRE que", "demontre que")]
    [InlineData("Die Straße", "die strasse")]
    [InlineData("Ёлка и ЁЖ", "елка и еж")]
    [InlineData("KANITLA, kanıtlayın!", "kanitla kanitlayin ")]
    [InlineData("Łódź żółć", "lodz zolc")]
    [InlineData("œuvre, Æther", "oeuvre aether")]
    [InlineData("e\u0301crire", "ecrire")]
    [InlineData("ＡＰＩ１２", "api12")]
    [InlineData("Ho   finito --- ok", "ho finito ok")]
    [InlineData("Chính xác", "chinh xac")]
    public void Case_accents_and_separators_fold_away(string text, string folded)
    {
        Assert.Equal(folded, Fold(text).Folded);
    }

    [Theory]
    [InlineData("用Java实现", "用 java 实现")]
    [InlineData("Pythonで関数", "python で関数")]
    [InlineData("파이썬으로 함수를", "파이썬으로 함수를")]
    public void Chinese_and_Japanese_runs_are_set_apart_from_other_letters(string text, string folded)
    {
        Assert.Equal(folded, Fold(text).Folded);
    }

    [Theory]
    [InlineData("证明", "Han")]
    [InlineData("証明してください", "Han, Kana")]
    [InlineData("증명해", "Hangul")]
    [InlineData("Докажи", "Cyrillic")]
    [InlineData("Beweise", "None")]
    public void Scripts_are_reported(string text, string scripts)
    {
        Assert.Equal(scripts, Fold(text).Scripts.ToString());
    }

    [Theory]
    [InlineData("Was bedeutet „beweisen“ genau?", "beweisen")]
    [InlineData("Que veut dire « prouver » ?", "prouver")]
    [InlineData("“画蛇添足”是什么意思？", "画蛇添足")]
    [InlineData("What does 'refactor' mean?", "refactor")]
    [InlineData("「ありがとう」を英語で", "ありがとう")]
    public void Short_quotations_are_found(string text, string quoted)
    {
        (string folded, _, List<(int Start, int End)> quotes) = Fold(text);

        Assert.Contains(quotes, q => folded[q.Start..q.End].Trim() == quoted);
    }

    [Theory]
    [InlineData("l'architecture d'un système")]
    [InlineData("Python'da bir fonksiyon")]
    [InlineData("first line \"open\nsecond line\" closed")]
    public void Apostrophes_inside_words_and_quotes_across_lines_quote_nothing(string text)
    {
        Assert.Empty(Fold(text).Quotes);
    }
}
