namespace Router.Core.Tests.Privacy;

/// <summary>Italian fiscal codes: found by shape, checked by the odd/even table, omocodia letters allowed from the right.</summary>
/// <remarks>The codes are made up and computed with the published rules.</remarks>
public sealed class ItalianFiscalCodeTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "italian sentence", "Il mio codice fiscale è BNCLRA78M12F205F, puoi compilare il modulo?", "it-codice-fiscale", "F205F" },
        { "woman, day plus 40", "CF: VRDGPP91C51H501G", "it-codice-fiscale", "H501G" },
        { "born abroad", "cf = \"FRRLCU83E07Z404J\"", "it-codice-fiscale", "Z404J" },
        { "omocodia on two digits", "codice fiscale BNCLRA78M12F2LRL", "it-codice-fiscale", "F2LRL" },
        { "every digit replaced", "Il codice corretto è FRRLCUUPELTZQLQF.", "it-codice-fiscale", "ZQLQF" },
        { "whole text", "BNCLRA78M12F205F", "it-codice-fiscale", "F205F" },
        { "at the end", "paziente: Laura Bianchi\ncodice: BNCLRA78M12F205F", "it-codice-fiscale", "F205F" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check letter", "Il mio codice fiscale è BNCLRA78M12F205G." },
        { "no such month letter", "codice fiscale BNCLRA78F12F205A" },
        { "day 35", "codice fiscale BNCLRA78M35F205P" },
        { "no such place letter", "codice fiscale BNCLRA78M12N205N" },
        { "omocodia not from the right", "codice fiscale BNCLRAT8M12F205C" },
        { "part of a longer word", "id XBNCLRA78M12F205F and BNCLRA78M12F205F1" },
        { "lowercase identifier", "let bnclra78m12f205f = 1;" },
        { "constants and base32", "const INTERNATIONALIZE = 1; HTTPREQUESTTIMEO; secret JBSWY3DPEHPK3PXP" },
        { "uppercase hex", "ABCDEF0123456789 FEDCBA9876543210" },
        { "ordinary code", "public sealed class HttpRequestMessageFactory { const int MAX_RETRIES = 3; }" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Fiscal_code_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Text_that_is_no_fiscal_code_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
