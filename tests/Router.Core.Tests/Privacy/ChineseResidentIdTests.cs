namespace Router.Core.Tests.Privacy;

/// <summary>Chinese resident ID numbers: a real province and birth date and the MOD 11-2 check character, which may be X.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class ChineseResidentIdTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "chinese sentence", "我的身份证号码是310104199905091408，请帮我填表。", "cn-resident-id", "1408" },
        { "ends in X", "身份证号：44030519950714307X", "cn-resident-id", "307X" },
        { "ends in lowercase x", "id_card = \"44030519950714307x\"", "cn-resident-id", "307x" },
        { "bare in csv", "name,id\n王芳,310104199905091408\n", "cn-resident-id", "1408" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check character", "我的身份证号码是310104199905091409。" },
        { "no such province", "身份证 990104199905091404" },
        { "born before 1900", "身份证 310104189905091409" },
        { "snowflake id", "{\"id\": 1790123456789012345, \"user_id\": 179012345678901234}" },
        { "same digits as an order number with a suffix", "订单 310104199905091408A 已发货" },
        { "inside a hex hash", "sha 0f310104199905091408e3" },
        { "inside a longer number", "3101041999050914080" },
        { "x followed by more letters", "31010419990509140Xyz" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Resident_id_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_resident_id_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
