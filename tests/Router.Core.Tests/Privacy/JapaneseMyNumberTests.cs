namespace Router.Core.Tests.Privacy;

/// <summary>Japanese My Numbers: twelve digits with the weighted check digit, only where the text names them.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class JapaneseMyNumberTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "japanese sentence", "私のマイナンバーは307182903955です。", "jp-my-number", "3955" },
        { "grouped by four", "個人番号：2258 5637 4779", "jp-my-number", "4779" },
        { "english with dashes", "My Number: 5241-1243-1143", "jp-my-number", "1143" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "私のマイナンバーは307182903956です。" },
        { "same digits as an order number", "注文番号 307182903955 を発送しました" },
        { "same digits as a timestamp", "\"ts\": 307182903955" },
        { "same digits in a phone number", "電話 030-7182-9039" },
        { "inside a hex hash", "マイナンバー hash c307182903955e" },
        { "inside a longer number", "マイナンバー 3071829039551" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void My_number_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_my_number_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
