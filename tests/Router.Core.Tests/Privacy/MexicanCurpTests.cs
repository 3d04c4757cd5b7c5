namespace Router.Core.Tests.Privacy;

/// <summary>Mexican CURPs: found by shape, checked by birth date, century, state, consonants and the check digit.</summary>
/// <remarks>The codes are made up and computed with the published rules.</remarks>
public sealed class MexicanCurpTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "spanish sentence", "Mi CURP es LOPJ900215HDFPRN05, ¿me ayudas con el trámite del IMSS?", "mx-curp", "HDFPRN05" },
        { "born in 2000, leap day", "curp: MEHA000229MNLRRNA7", "mx-curp", "MNLRRNA7" },
        { "born abroad", "PEXA951010HNEXRS07", "mx-curp", "HNEXRS07" },
        { "sex marker X", "CURP ROXE881224XBCDLN02", "mx-curp", "XBCDLN02" },
        { "json", "{\"nombre\": \"Carla Sánchez\", \"curp\": \"SAVC771103MOCNLR01\"}", "mx-curp", "MOCNLR01" },
        { "no keyword, in a list", "Alumno: Jorge López\nLOPJ900215HDFPRN05\n", "mx-curp", "HDFPRN05" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "Mi CURP es LOPJ900215HDFPRN06." },
        { "no such state", "CURP LOPJ900215HXXPRN04" },
        { "no such date", "CURP LOPJ900229HDFPRN09" },
        { "century digit: 29 February 1900", "CURP MEHA000229MNLRRN07" },
        { "no such month", "CURP LOPJ901315HDFPRN02" },
        { "second letter no vowel", "CURP LPPJ900215HDFPRN08" },
        { "part of a longer word", "id XLOPJ900215HDFPRN05 and LOPJ900215HDFPRN05A" },
        { "after a digit", "build 9LOPJ900215HDFPRN05 ok" },
        { "lowercase", "let lopj900215hdfprn05 = 1;" },
        { "constants and hex", "const BUILD_20240115_RELEASE = 1; 0x7FFFABCD DEADBEEF1234567890" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Curp_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Text_that_is_no_curp_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
