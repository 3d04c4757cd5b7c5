namespace Router.Core.Tests.Privacy;

/// <summary>Russian SNILS numbers: the weighted checksum mod 101; printed 000-000-000 00 alone, bare digits with the keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class RussianSnilsTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "russian sentence", "Мой СНИЛС: 321-006-222 86, оформи заявление.", "ru-snils", "222 86" },
        { "printed, no keyword", "Сотрудник: Иванов И. И., 465-519-601 07", "ru-snils", "601 07" },
        { "bare after lowercase keyword", "снилс 74568788375", "ru-snils", "8375" },
        { "all dashes", "Страховой номер 745-687-883-75", "ru-snils", "883-75" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong checksum", "Мой СНИЛС: 321-006-222 87" },
        { "bare digits without keyword", "заказ 32100622286 отправлен" },
        { "below the checked range", "СНИЛС 001-001-998 00" },
        { "same digits in a phone number", "звоните 8-321-006-22-28" },
        { "inside a hex hash", "СНИЛС sha a32100622286b" },
        { "inside a longer number", "321-006-222 861" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Snils_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_snils_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
