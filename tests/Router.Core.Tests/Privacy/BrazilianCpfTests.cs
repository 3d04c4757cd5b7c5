namespace Router.Core.Tests.Privacy;

/// <summary>Brazilian CPFs: two mod-11 check digits; the printed 000.000.000-00 form alone, bare digits with the keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class BrazilianCpfTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "portuguese sentence", "Meu CPF é 179.390.104-09, pode emitir a nota fiscal?", "br-cpf", "104-09" },
        { "printed in csv", "nome,documento\nAna Souza,597.487.046-88\n", "br-cpf", "046-88" },
        { "bare after keyword", "CPF: 35426738700", "br-cpf", "8700" },
        { "check digits after a dash", "cpf 354267387-00 do cliente", "br-cpf", "387-00" },
        { "code", "cliente = Cliente(nome=\"João\", cpf=\"17939010409\")", "br-cpf", "0409" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "Meu CPF é 179.390.104-08." },
        { "repeated digit", "CPF de teste 111.111.111-11" },
        { "bare digits without keyword", "pedido 17939010409 enviado" },
        { "same digits as a version", "versão 179.390.104.09" },
        { "same digits as a timestamp", "{\"ts\": 17939010409}" },
        { "same digits in a phone number", "ligue (17) 93901-0409" },
        { "inside a hex hash", "CPF hash af17939010409bc" },
        { "inside a longer number", "179.390.104-091" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Cpf_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_cpf_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
