namespace Router.Core.Tests.Privacy;

/// <summary>Indian Aadhaar numbers: twelve digits, first 2–9, Verhoeff check digit, only where the text names them.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class IndianAadhaarTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "english sentence", "My Aadhaar number is 8623 6255 3967, please update the form.", "in-aadhaar", "3967" },
        { "hindi", "मेरा आधार नंबर 277799323892 है", "in-aadhaar", "3892" },
        { "code with dashes", "aadhaar_no = \"6915-9917-9414\"", "in-aadhaar", "9414" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "My Aadhaar number is 8623 6255 3968." },
        { "starts with 1", "Aadhaar 123456789010" },
        { "same digits as an invoice number", "invoice 862362553967 paid" },
        { "same digits in a phone number", "call +91 86236 25539" },
        { "inside a hex hash", "Aadhaar sha ab862362553967cd" },
        { "user id is no aadhaar keyword", "uid = 862362553967" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Aadhaar_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_aadhaar_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
