namespace Router.Core.Tests.Privacy;

/// <summary>Polish PESEL numbers: a real birth date with the century in the month, the 1-3-7-9 check digit and the keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class PolishPeselTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "polish sentence", "Mój PESEL to 87042394258, proszę o wystawienie faktury.", "pl-pesel", "4258" },
        { "born in the 2000s", "PESEL: 03310220575", "pl-pesel", "0575" },
        { "code", "pacjent = Pacjent(pesel=\"56123166840\")", "pl-pesel", "6840" },
        { "keyword after the number", "56123166840 (nr PESEL)", "pl-pesel", "6840" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "Mój PESEL to 87042394259." },
        { "month 13", "PESEL 87133194255" },
        { "30 february", "PESEL 87023094254" },
        { "same digits as an order number", "zamówienie 87042394258 zostało wysłane" },
        { "same digits as a timestamp", "ts=87042394258 level=info" },
        { "same digits in a phone number", "zadzwoń: +48 870 423 942 58" },
        { "inside a hex hash", "PESEL sha 0c87042394258ff" },
        { "inside a longer number", "PESEL 870423942580" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Pesel_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_pesel_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
