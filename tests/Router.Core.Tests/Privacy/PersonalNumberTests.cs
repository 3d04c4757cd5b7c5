using static Router.Core.Tests.Privacy.SyntheticSecret;

namespace Router.Core.Tests.Privacy;

/// <summary>Personal data written as numbers: payment cards, US SSNs, UK National Insurance numbers, IBANs.</summary>
public sealed class PersonalNumberTests
{
    private static readonly string Visa = CardNumber("4", 16, 301);
    private static readonly string Mastercard = CardNumber("53", 16, 302);
    private static readonly string Amex = CardNumber("37", 15, 303);
    private static readonly string Discover = CardNumber("6011", 16, 304);
    private static readonly string Mastercard2 = CardNumber("2221", 16, 305);
    private static readonly string Mir = CardNumber("2202", 16, 306);
    private static readonly string Troy = CardNumber("9792", 16, 307);

    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "visa with spaces", $"charged twice on card {Grouped(Visa, ' ', 4, 4, 4, 4)} on the 14th", "payment-card", Visa[^4..] },
        { "mastercard with dashes", $"la tarjeta {Grouped(Mastercard, '-', 4, 4, 4, 4)} el día 14", "payment-card", Mastercard[^4..] },
        { "amex 4-6-5", $"Amex {Grouped(Amex, ' ', 4, 6, 5)} exp 09/27", "payment-card", Amex[^4..] },
        { "mir in russian", $"карта Мир {Grouped(Mir, ' ', 4, 4, 4, 4)} не проходит", "payment-card", Mir[^4..] },
        { "troy in turkish", $"Troy kartım {Grouped(Troy, ' ', 4, 4, 4, 4)} reddediliyor", "payment-card", Troy[^4..] },
        { "discover unseparated in csv", $"id,card\n7,{Discover}\n", "payment-card", Discover[^4..] },
        { "mastercard 2-series", $"\"pan\": \"{Mastercard2}\"", "payment-card", Mastercard2[^4..] },
        { "ssn column in csv", "id,name,ssn\n101,Jordan Pike," + "512-" + "48-" + "3907,Tulsa", "us-ssn", "3907" },
        { "ssn with spaces", "SSN on file: 231 " + "54 " + "8612.", "us-ssn", "8612" },
        { "bare ssn after keyword", "social security number: " + "287" + "43" + "1956", "us-ssn", "1956" },
        { "uk national insurance number", "NI number " + "AB" + "123456" + "C" + " on the payslip", "uk-nino", "123456" },
        { "uk nino with spaces", "NINO: " + "JG 10 37 " + "42 A", "uk-nino", "37 42" },
        { "german iban printed", "Bitte überweisen an " + Grouped(Iban("DE", "370400440532013" + "001"), ' ', 4, 4, 4, 4, 4, 2), "iban", "013" },
        { "british iban with bank code", "Pay to " + Iban("GB", "NWBK" + "60161331926" + "819") + " today", "iban", "926819" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "luhn-invalid card", $"card {Visa[..15]}{(char)('0' + (Visa[15] - '0' + 1) % 10)}" },
        { "stripe test card", "use 4242 4242 4242 4242 with any future expiry in test mode" },
        { "visa test card", "4111-1111-1111-1111" },
        { "unknown issuer", $"ref {CardNumber("9", 16, 310)}" },
        { "card-length number inside a hex hash", "sha " + "a" + CardNumber("4", 16, 311) + "f" },
        { "decimal fraction", $"pi is about 3.{CardNumber("4", 16, 312)}" },
        { "timestamp in ms", "\"ts\": 1732147200000, \"id\": 1234567890123" },
        { "digits grouped by one", "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6" },
        { "ssn area 000", "000-12-3456" },
        { "ssn area 666", "666-12-3456" },
        { "ssn area 9xx", "912-34-5678" },
        { "ssn group 00", "512-00-3907" },
        { "ssn serial 0000", "512-48-0000" },
        { "ssn documentation sample", "e.g. 123-45-6789 or 111-22-3333" },
        { "bare nine digits without keyword", "order 512483907 shipped" },
        { "iso date", "2024-01-15 and 2024-11-02" },
        { "phone number", "call 555-123-4567" },
        { "nino with forbidden prefix", "GB123456A and QQ123456C" },
        { "nino without suffix letter", "AB123456 is a part number" },
        { "iban with wrong check digits", "DE00370400440532013001" },
        { "uuids and shas", "08eb185f-2113-40d5-8b96-b6543d6bf573 dc539d11f55d5d2a6a2dfa86421ef313b7669f1620642b94b9395ef802c4d69f" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Personal_number_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_identifies_nobody_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
