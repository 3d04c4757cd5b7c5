using Router.Protocol.Lsp;

namespace Router.Lsp.Documents;

/// <summary>An immutable snapshot of one open document; edits produce a new snapshot, so readers never see a half-applied change.</summary>
internal sealed class TextDocument(string uri, string languageId, int version, string text)
{
    private int[]? _lineStarts;

    public string Uri { get; } = uri;

    public string LanguageId { get; } = languageId;

    public int Version { get; } = version;

    public string Text { get; } = text;

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>Applies content changes in order. A change without a range replaces the whole text;
    /// positions past the end of a line or of the document are clamped, as the LSP spec asks.</summary>
    public TextDocument WithChanges(int newVersion, IEnumerable<TextDocumentContentChangeEvent> changes, PositionEncoding encoding)
    {
        TextDocument current = this;
        foreach (TextDocumentContentChangeEvent change in changes)
        {
            string replacement = change.Text ?? string.Empty;
            if (change.Range is null)
            {
                current = new TextDocument(Uri, LanguageId, newVersion, replacement);
                continue;
            }

            int start = current.OffsetAt(change.Range.Start, encoding);
            int end = Math.Max(start, current.OffsetAt(change.Range.End, encoding));
            string edited = string.Concat(current.Text.AsSpan(0, start), replacement, current.Text.AsSpan(end));
            current = new TextDocument(Uri, LanguageId, newVersion, edited);
        }

        return current.Version == newVersion ? current : new TextDocument(Uri, LanguageId, newVersion, current.Text);
    }

    /// <summary>The UTF-16 index in <see cref="Text"/> of an LSP position, clamped to the line and the document.</summary>
    public int OffsetAt(Position position, PositionEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(position);
        int[] starts = LineStarts;
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= starts.Length)
        {
            return Text.Length;
        }

        int lineStart = starts[position.Line];
        int lineEnd = LineContentEnd(position.Line);
        int wanted = Math.Max(0, position.Character);
        if (encoding == PositionEncoding.Utf16)
        {
            int offset = lineStart + Math.Min(wanted, lineEnd - lineStart);

            // Never split a surrogate pair: a position inside one means the character it belongs to.
            if (offset > lineStart && offset < lineEnd && char.IsLowSurrogate(Text[offset]) && char.IsHighSurrogate(Text[offset - 1]))
            {
                offset--;
            }

            return offset;
        }

        int index = lineStart;
        int units = 0;
        while (index < lineEnd)
        {
            (int width, int chars) = Utf8Width(index, lineEnd);
            if (units + width > wanted)
            {
                break;
            }

            units += width;
            index += chars;
        }

        return index;
    }

    /// <summary>The LSP position of a UTF-16 index in <see cref="Text"/>.</summary>
    public Position PositionAt(int offset, PositionEncoding encoding)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int[] starts = LineStarts;
        int line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        int lineStart = starts[line];
        int end = Math.Min(offset, LineContentEnd(line));
        if (encoding == PositionEncoding.Utf16)
        {
            return new Position(line, end - lineStart);
        }

        int units = 0;
        int index = lineStart;
        while (index < end)
        {
            (int width, int chars) = Utf8Width(index, end);
            units += width;
            index += chars;
        }

        return new Position(line, units);
    }

    /// <summary>The text of one line without its line break.</summary>
    public string LineText(int line)
    {
        int start = LineStarts[line];
        return Text[start..LineContentEnd(line)];
    }

    private static int[] ComputeLineStarts(string text)
    {
        List<int> starts = [0];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private int LineContentEnd(int line)
    {
        int[] starts = LineStarts;
        if (line + 1 >= starts.Length)
        {
            return Text.Length;
        }

        int end = starts[line + 1];
        if (Text[end - 1] == '\n')
        {
            end--;
            if (end > starts[line] && Text[end - 1] == '\r')
            {
                end--;
            }
        }
        else
        {
            end--;
        }

        return end;
    }

    private (int Width, int Chars) Utf8Width(int index, int limit)
    {
        char c = Text[index];
        if (char.IsHighSurrogate(c) && index + 1 < limit && char.IsLowSurrogate(Text[index + 1]))
        {
            return (4, 2);
        }

        return c < 0x80 ? (1, 1) : c < 0x800 ? (2, 1) : (3, 1);
    }
}
