namespace Router.Core.Tests.Privacy;

/// <summary>German tax IDs (Steuer-ID): MOD 11,10 check digit, one repeated digit, and a keyword near the number.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class GermanTaxIdTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "german sentence", "Meine Steuer-ID ist 37828618951, bitte trag sie in die Lohnabrechnung ein.", "de-steuer-id", "8951" },
        { "printed in groups", "Steueridentifikationsnummer: 91 401 832 563", "de-steuer-id", "2563" },
        { "a digit three times, not in a row", "tax ID 14019163720 (Germany)", "de-steuer-id", "3720" },
        { "keyword after the number", "14019163720 ist meine Identifikationsnummer", "de-steuer-id", "3720" },
        { "snake case field", "mitarbeiter = {\"name\": \"Jonas\", \"steuer_id\": \"37828618951\"}", "de-steuer-id", "8951" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "Meine Steuer-ID ist 37828618952." },
        { "no repeated digit", "Steuer-ID 12345678903" },
        { "two repeated digits", "Steuer-ID 11223456785" },
        { "one digit three times in a row", "Steuer-ID 37888619524" },
        { "same digits as an order number", "Bestellung 37828618951 wurde heute verschickt." },
        { "same digits as a timestamp", "{\"ts\": 37828618951, \"level\": \"info\"}" },
        { "same digits in a phone number", "Ruf an: +49 378 286 189 51" },
        { "inside a hex hash", "Steuer-ID commit a37828618951f0c2" },
        { "inside a longer number", "Steuer-ID 378286189512" },
        { "lock file digest", "\"integrity\": \"sha1-37828618951/Steuer-ID+c2FsdA==\"" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Tax_id_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_tax_id_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
