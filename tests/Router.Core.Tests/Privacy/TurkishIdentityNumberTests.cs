namespace Router.Core.Tests.Privacy;

/// <summary>Turkish identity numbers: first digit not 0, the tenth and eleventh check rules, only where the text names them.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class TurkishIdentityNumberTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "turkish sentence", "TC Kimlik No: 53048336686, başvuruyu tamamlar mısın?", "tr-tckn", "6686" },
        { "lowercase keyword", "T.C. kimlik numaram 92899630208", "tr-tckn", "0208" },
        { "code", "tckn = \"13518001100\"", "tr-tckn", "1100" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "TC Kimlik No: 53048336687" },
        { "leading zero", "TC Kimlik No: 03048336636" },
        { "same digits as an order number", "sipariş 53048336686 kargoda" },
        { "same digits in a phone number", "ara: 0530 483 36 68" },
        { "inside a hex hash", "kimlik sha e53048336686f" },
        { "inside a longer number", "kimlik 530483366861" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Identity_number_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_kimlik_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
