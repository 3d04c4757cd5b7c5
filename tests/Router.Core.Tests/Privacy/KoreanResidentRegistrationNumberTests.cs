namespace Router.Core.Tests.Privacy;

/// <summary>Korean resident registration numbers: birth date and century digit, the check digit before 2020, the dash or a keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class KoreanResidentRegistrationNumberTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "korean sentence", "제 주민등록번호는 850617-1132607입니다.", "kr-rrn", "1132607" },
        { "leap day in 2004", "주민번호: 040229-4165544", "kr-rrn", "4165544" },
        { "dashed, no keyword", "성명: 김지은, 721003-2060121", "kr-rrn", "2060121" },
        { "bare after keyword", "RRN 7210032060121", "kr-rrn", "2060121" },
        { "registered foreigner", "외국인등록번호 900105-5233623", "kr-rrn", "5233623" },
        { "issued after 2020, named", "아기 주민등록번호 210312-3570934 로 신청", "kr-rrn", "3570934" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "제 주민등록번호는 850617-1132608입니다." },
        { "month 13", "주민등록번호 851317-1132607" },
        { "bare digits without keyword", "주문번호 8506171132607" },
        { "issued after 2020 without keyword", "build 210312-3570934 deployed" },
        { "foreigner form without keyword", "batch 900105-5233623 queued" },
        { "timestamp in ms", "\"ts\": 1732147200000" },
        { "same digits in a phone number", "전화 010-8506-1711" },
        { "inside a hex hash", "sha 9a850617-1132607ff" },
        { "inside a longer number", "850617-11326071" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Registration_number_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_registration_number_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
