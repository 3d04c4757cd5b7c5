namespace Router.Core.Tests.Privacy;

/// <summary>Chilean RUT/RUN: a mod-11 check character, 0–9 or K; the dotted form alone, others with the keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class ChileanRutTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "spanish sentence", "Mi RUT es 15.762.943-3, ¿me ayudas con la boleta de honorarios?", "cl-rut", "943-3" },
        { "printed, no keyword", "Cliente: María Soto, 23.881.047-7", "cl-rut", "047-7" },
        { "check K", "RUT 12.345.670-K", "cl-rut", "670-K" },
        { "seven digits and a small k", "Paciente 8.765.432-k", "cl-rut", "432-k" },
        { "dash only, after keyword", "rut: 9123456-4", "cl-rut", "456-4" },
        { "bare after RUN", "RUN 157629433", "cl-rut", "29433" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "Mi RUT es 15.762.943-4." },
        { "wrong K", "RUT 15.762.943-K" },
        { "dash only without keyword", "pedido 15762943-3" },
        { "english run", "run 157629433 finished in 4s" },
        { "same digits as a timestamp", "{\"ts\": 157629433}" },
        { "inside a version", "v15.762.943-3" },
        { "followed by a decimal", "15.762.943-3.5" },
        { "inside a longer number", "RUT 115.762.943-3" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Rut_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_rut_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
