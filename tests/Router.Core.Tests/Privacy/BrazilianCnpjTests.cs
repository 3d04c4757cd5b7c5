namespace Router.Core.Tests.Privacy;

/// <summary>Brazilian CNPJs: two mod-11 check digits; the printed 00.000.000/0000-00 form alone, bare digits with the keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class BrazilianCnpjTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "portuguese sentence", "O CNPJ da empresa é 07.078.947/0001-64.", "br-cnpj", "0001-64" },
        { "printed, no keyword", "Fornecedor: Padaria Boa Vista, 51.465.491/0001-87", "br-cnpj", "0001-87" },
        { "bare after keyword", "cnpj=51465491000187", "br-cnpj", "000187" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "O CNPJ da empresa é 07.078.947/0001-65." },
        { "bare digits without keyword", "pedido 07078947000164" },
        { "compact date and time", "backup-20240115103000.tar.gz and 20240115103000" },
        { "repeated digit", "CNPJ 00.000.000/0000-00" },
        { "inside a hex hash", "CNPJ sha ab07078947000164cd" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Cnpj_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_cnpj_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
