using Router.Lsp.Documents;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Documents;

public sealed class TextDocumentTests
{
    private static TextDocument Document(string text) => new("file:///t.txt", "plaintext", 1, text);

    [Theory]
    [InlineData("ab\ncd", 1, 1, 4)]
    [InlineData("ab\r\ncd", 1, 1, 5)]
    [InlineData("ab\rcd", 1, 1, 4)]
    [InlineData("ab\r\n\r\ncd", 2, 0, 6)]
    [InlineData("ab\n\rcd", 2, 1, 5)]
    [InlineData("ab\r\ncd", 0, 99, 2)]
    [InlineData("ab\ncd", 9, 0, 5)]
    [InlineData("ab\ncd", 1, 99, 5)]
    [InlineData("ab\n", 1, 0, 3)]
    [InlineData("a😀b", 0, 3, 3)]
    [InlineData("a😀b", 0, 2, 1)]
    [InlineData("😀\n😀x", 1, 2, 5)]
    [InlineData("", 0, 0, 0)]
    public void Utf16_positions_map_to_offsets(string text, int line, int character, int expected)
    {
        Assert.Equal(expected, Document(text).OffsetAt(new Position(line, character), PositionEncoding.Utf16));
    }

    [Theory]
    [InlineData("é😀ab", 0, 2, 1)]
    [InlineData("é😀ab", 0, 6, 3)]
    [InlineData("é😀ab", 0, 7, 4)]
    [InlineData("é😀ab", 0, 4, 1)]
    [InlineData("x\r\n€y", 1, 3, 4)]
    [InlineData("x\r\n€y", 1, 99, 5)]
    public void Utf8_positions_count_bytes(string text, int line, int character, int expected)
    {
        Assert.Equal(expected, Document(text).OffsetAt(new Position(line, character), PositionEncoding.Utf8));
    }

    [Theory]
    [InlineData("ab\r\ncd", 5, 1, 1)]
    [InlineData("ab\r\ncd", 2, 0, 2)]
    [InlineData("a😀b\rc", 4, 0, 4)]
    [InlineData("a😀b\rc", 5, 1, 0)]
    public void Offsets_map_back_to_utf16_positions(string text, int offset, int line, int character)
    {
        Assert.Equal(new Position(line, character), Document(text).PositionAt(offset, PositionEncoding.Utf16));
    }

    public static TheoryData<string, int, int, int, int, string, string> Edits => new()
    {
        // text, start line, start char, end line, end char, new text, expected
        { "hello", 0, 5, 0, 5, " world", "hello world" },
        { "a\nb", 1, 1, 1, 1, "c", "a\nbc" },
        { "a\r\nb\r\nc", 0, 1, 2, 0, "-", "a-c" },
        { "line1\r\nline2", 0, 5, 1, 0, "", "line1line2" },
        { "abc", 0, 1, 0, 2, "XYZ", "aXYZc" },
        { "abc", 5, 0, 9, 9, "!", "abc!" },
        { "abc\n", 1, 0, 1, 0, "d", "abc\nd" },
        { "x😀y", 0, 1, 0, 3, "o", "xoy" },
        { "ab", 0, 2, 0, 0, "Q", "abQ" },
        { "a\rb", 1, 0, 1, 1, "B", "a\rB" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Incremental_edits_apply_to_the_right_text(string text, int startLine, int startCharacter, int endLine, int endCharacter, string newText, string expected)
    {
        Range range = new(new Position(startLine, startCharacter), new Position(endLine, endCharacter));

        TextDocument edited = Document(text).WithChanges(2, [new TextDocumentContentChangeEvent(newText, range)], PositionEncoding.Utf16);

        Assert.Equal(expected, edited.Text);
        Assert.Equal(2, edited.Version);
    }

    [Fact]
    public void Changes_in_one_notification_apply_in_order_and_a_full_change_replaces_everything()
    {
        TextDocumentContentChangeEvent[] changes =
        [
            new("first\nsecond"),
            new("1", new Range(new Position(1, 0), new Position(1, 6))),
            new("0", new Range(new Position(0, 0), new Position(0, 5))),
        ];

        TextDocument edited = Document("old").WithChanges(7, changes, PositionEncoding.Utf16);

        Assert.Equal("0\n1", edited.Text);
    }

    [Fact]
    public void Utf8_ranges_apply_to_the_right_characters()
    {
        Range range = new(new Position(0, 2), new Position(0, 6));

        TextDocument edited = Document("é😀ab").WithChanges(2, [new TextDocumentContentChangeEvent("e", range)], PositionEncoding.Utf8);

        Assert.Equal("éeab", edited.Text);
    }
}
