namespace Router.Core.Tests.Privacy;

/// <summary>Spanish DNI and NIE numbers: the mod-23 control letter anchors them; spaced or lowercase letters need a keyword.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class SpanishIdentityNumberTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "spanish sentence", "Mi DNI es 13749157X y quiero renovar el pasaporte.", "es-dni", "9157" },
        { "dotted with dash", "Titular: Lucía Gómez, DNI 25.085.605-B", "es-dni", "605" },
        { "dash, no keyword", "firmado por 73535881-M en Sevilla", "es-dni", "5881" },
        { "spaced lowercase letter with keyword", "dni 13749157 x", "es-dni", "9157" },
        { "csv row", "nombre,documento\nPablo Ruiz,73535881M\n", "es-dni", "5881" },
        { "nie in a sentence", "Mi NIE es X4189346B, ¿me ayudas con el empadronamiento?", "es-nie", "9346" },
        { "nie with dashes", "NIE: Y-3896617-V", "es-nie", "6617" },
        { "nie starting with z", "solicitante = \"Z8185279K\"", "es-nie", "5279" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong letter", "Mi DNI es 13749157Y." },
        { "nie with wrong letter", "Mi NIE es X4189346C." },
        { "placeholder zeros", "DNI 00000000T" },
        { "letter before the nie", "part AX4189346B in stock" },
        { "digits go on after the letter", "build 13749157X2 passed" },
        { "iso basic timestamp", "created 20240115T103000Z by cron" },
        { "inside a hex hash", "commit 13749157a2b4c6d8 merged" },
        { "spaced letter without keyword", "Total 13749157 X" },
        { "same digits as an order number", "pedido 13749157 enviado" },
        { "same digits in a phone number", "llama al +34 137 491 57" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Identity_number_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_dni_or_nie_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
