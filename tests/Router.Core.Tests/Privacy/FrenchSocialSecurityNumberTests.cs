namespace Router.Core.Tests.Privacy;

/// <summary>French social security numbers (NIR): the key 97 − (number mod 97), Corsica's 2A and 2B, spaced as printed or named.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class FrenchSocialSecurityNumberTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "french sentence, printed", "Mon numéro de sécurité sociale est le 1 84 03 75 102 191 15, merci.", "fr-nir", "191 15" },
        { "printed, no keyword", "Assuré : Claire Martin, 2 92 11 69 951 916 52", "fr-nir", "916 52" },
        { "bare after NIR", "NIR : 292116995191652", "fr-nir", "191652" },
        { "corse-du-sud, printed", "née à Ajaccio, n° 1 71 07 2A 004 049 72", "fr-nir", "049 72" },
        { "haute-corse, bare with keyword", "numéro de sécu 266022B03347582", "fr-nir", "47582" },
        { "carte vitale in json", "{\"carte_vitale\": \"184037510219115\"}", "fr-nir", "219115" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong key", "Mon numéro de sécurité sociale est le 1 84 03 75 102 191 16." },
        { "corsican number with wrong key", "n° 1 71 07 2A 004 049 73" },
        { "month 13", "NIR 1 84 13 75 102 191 78" },
        { "bare digits without keyword", "request id 184037510219115 took 12 ms" },
        { "same digits as a phone number", "Appelez le 01 84 03 75 10 ou le 06 91 15 29 21" },
        { "inside a hex hash", "NIR blob deadbeef184037510219115cafe" },
        { "inside a longer number", "NIR 1840375102191150" },
        { "decimal", "sécurité sociale: ratio 0.184037510219115" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Social_security_number_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_nir_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
