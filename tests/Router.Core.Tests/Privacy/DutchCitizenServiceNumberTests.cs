namespace Router.Core.Tests.Privacy;

/// <summary>Dutch BSNs: nine digits passing the 11-proof, only where the text calls them a BSN.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class DutchCitizenServiceNumberTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "dutch sentence", "Mijn BSN is 631973187, kun je de aanvraag invullen?", "nl-bsn", "3187" },
        { "dotted as on a passport", "burgerservicenummer: 1703.93.045", "nl-bsn", "045" },
        { "grouped by three", "BSN 747 747 933", "nl-bsn", "933" },
        { "keyword after the number", "631973187 is het sofinummer van Jan", "nl-bsn", "3187" },
        { "camel case field", "patientBsn = \"170393045\";", "nl-bsn", "3045" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "fails the 11-proof", "Mijn BSN is 631973188." },
        { "same digits as an order number", "bestelling 631973187 is verzonden" },
        { "same digits as a timestamp", "\"created\": 631973187, \"status\": \"ok\"" },
        { "same digits in a phone number", "bel 06-31973187" },
        { "inside a hex hash", "BSN check at commit 4e631973187ab" },
        { "inside a longer number", "BSN 6319731870" },
        { "keyword inside another word", "the subsnapshot 631973187 is ready" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Citizen_service_number_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_bsn_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
