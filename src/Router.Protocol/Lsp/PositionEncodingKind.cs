namespace Router.Protocol.Lsp;

/// <summary>Position encodings a client and server can agree on (LSP 3.17).</summary>
public static class PositionEncodingKind
{
    public const string Utf8 = "utf-8";

    public const string Utf16 = "utf-16";

    public const string Utf32 = "utf-32";
}
