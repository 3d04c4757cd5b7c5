namespace Router.Core.Tests.Privacy;

/// <summary>Argentine CUIT/CUIL: a known kind, a mod-11 check digit; the dashed form alone, bare digits with the keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class ArgentineCuitTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "spanish sentence", "Mi CUIT es 20-31458726-0, ¿cómo facturo como monotributista?", "ar-cuit", "458726-0" },
        { "dashed, no keyword", "Razón social: Pérez, Ana — 27-38104529-9", "ar-cuit", "104529-9" },
        { "company", "Proveedor 30-71234560-4 (S.A.)", "ar-cuit", "234560-4" },
        { "bare after keyword", "cuil: 23123456785", "ar-cuit", "456785" },
        { "DNI dotted inside", "CUIL 24-41.298.765-5", "ar-cuit", "765-5" },
        { "spaced after keyword", "CUIT 20 31458726 0", "ar-cuit", "8726 0" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "Mi CUIT es 20-31458726-1." },
        { "no such kind", "CUIT 21-31458726-7 y 25-31458726-2" },
        { "bare digits without keyword", "pedido 20314587260 enviado" },
        { "same digits in a phone number", "teléfono 203-145-87260" },
        { "same digits as a timestamp", "{\"ts\": 20314587260}" },
        { "inside a hex hash", "CUIT a20314587260f" },
        { "inside a longer number", "20-31458726-01" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Cuit_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_cuit_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
