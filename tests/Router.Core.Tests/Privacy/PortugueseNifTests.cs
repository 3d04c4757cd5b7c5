namespace Router.Core.Tests.Privacy;

/// <summary>Portuguese NIFs: nine digits, an issued first digit or pair, a mod-11 check digit, named in the text.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class PortugueseNifTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "portuguese sentence", "O meu número de contribuinte é 215739469, pode pô-lo na fatura?", "pt-nif", "739469" },
        { "spaced in threes", "NIF: 509 327 184", "pt-nif", "327 184" },
        { "VAT prefix", "Fatura emitida para o NIF PT509327184.", "pt-nif", "327184" },
        { "non-resident", "contribuinte n.º 450127931 (não residente)", "pt-nif", "127931" },
        { "estate", "NIF da herança indivisa: 741836203", "pt-nif", "836203" },
        { "code", "cliente.Nif = \"982745168\";", "pt-nif", "745168" },
        { "spanish NIF with its letter is the DNI", "NIF 12345678Z", "es-dni", "45678Z" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "O meu NIF é 215739468." },
        { "bare digits without keyword", "encomenda 215739469 enviada" },
        { "first digit never issued", "NIF 012345679" },
        { "pair never issued", "NIF 731234561 e NIF 951234560" },
        { "4 without 5", "contribuinte 401234568" },
        { "phone in the international form", "NIF em falta; telefone +351 215 739 469" },
        { "same digits as a timestamp", "{\"ts\": 215739469}" },
        { "inside a hex hash", "NIF hash 9f215739469c" },
        { "other country's VAT prefix", "NIF ES215739469" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Nif_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_nif_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
