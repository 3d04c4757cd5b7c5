using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace Router.Protocol.Framing;

/// <summary>Reads LSP base-protocol frames (<c>Content-Length</c> headers, a blank line, a UTF-8 body) from a pipe.
/// A malformed header block is reported and the reader resynchronises on the next <c>Content-Length</c> after the
/// block's first byte, so a good frame that follows junk is still found. A body over the size limit is reported and
/// skipped unread, byte for byte, so the frames after it stay in step.</summary>
internal sealed class FrameReader(PipeReader input, int maxBodyBytes = FrameReader.DefaultMaxBodyBytes)
{
    public const int DefaultMaxBodyBytes = 64 * 1024 * 1024;
    private const int MaxHeaderBytes = 8 * 1024;

    private static ReadOnlySpan<byte> HeaderTerminator => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> ContentLengthName => "Content-Length"u8;

    private bool _resynchronising;
    private long _skipping;

    public async ValueTask<Frame> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await input.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;

            if (_skipping > 0)
            {
                // The rest of an oversized body: dropped as it arrives, never held in memory.
                long skipped = Math.Min(_skipping, buffer.Length);
                _skipping -= skipped;
                input.AdvanceTo(buffer.GetPosition(skipped));
                if (result.IsCompleted && _skipping > 0)
                {
                    return Frame.End;
                }

                continue;
            }

            if (_resynchronising)
            {
                SequencePosition? next = Find(buffer, ContentLengthName);
                if (next is null)
                {
                    // Keep a tail that might be the start of a split "Content-Length".
                    long keep = Math.Min(buffer.Length, ContentLengthName.Length - 1);
                    ReadOnlySequence<byte> tail = buffer.Slice(buffer.Length - keep);
                    input.AdvanceTo(tail.Start, buffer.End);
                    if (result.IsCompleted)
                    {
                        return Frame.End;
                    }

                    continue;
                }

                buffer = buffer.Slice(next.Value);
                _resynchronising = false;
            }

            SequencePosition? terminator = Find(buffer, HeaderTerminator);
            if (terminator is null)
            {
                if (buffer.Length > MaxHeaderBytes)
                {
                    return SkipBadBlock(buffer, "The header block is too long.");
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return Frame.End;
                }

                continue;
            }

            ReadOnlySequence<byte> headers = buffer.Slice(0, terminator.Value);
            ReadOnlySequence<byte> rest = buffer.Slice(buffer.GetPosition(HeaderTerminator.Length, terminator.Value));
            if (!TryParseContentLength(headers, out long length, out string? problem))
            {
                return SkipBadBlock(buffer, problem!);
            }

            if (length > maxBodyBytes)
            {
                input.AdvanceTo(rest.Start);
                _skipping = length;
                return Frame.Oversized(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The message is {length} bytes; this server reads at most {maxBodyBytes} bytes in one message. It was skipped."));
            }

            if (rest.Length < length)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return Frame.End;
                }

                continue;
            }

            ReadOnlySequence<byte> body = rest.Slice(0, length);
            byte[] copy = body.ToArray();
            input.AdvanceTo(body.End);
            return new Frame(FrameKind.Message, copy, null);
        }
    }

    /// <summary>Reports a bad header block and looks for the next header from its second byte on: junk written right before
    /// a good frame ends up in the same block as that frame's header, and the good frame must not be lost with it.</summary>
    private Frame SkipBadBlock(ReadOnlySequence<byte> buffer, string problem)
    {
        input.AdvanceTo(buffer.GetPosition(1));
        _resynchronising = true;
        return Frame.Malformed(problem);
    }

    private static bool TryParseContentLength(ReadOnlySequence<byte> headers, out long length, out string? problem)
    {
        length = -1;
        problem = null;
        string text = Encoding.ASCII.GetString(headers);
        foreach (string line in text.Split("\r\n"))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                problem = "A header line has no name.";
                return false;
            }

            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
                {
                    problem = "Content-Length is not a valid length.";
                    return false;
                }

                if (length >= 0 && parsed != length)
                {
                    problem = "Content-Length is given twice with different values.";
                    return false;
                }

                length = parsed;
            }

            // Other headers (Content-Type in particular) are tolerated; the body is always UTF-8.
        }

        if (length < 0)
        {
            problem = "The Content-Length header is missing.";
            return false;
        }

        return true;
    }

    private static SequencePosition? Find(ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> needle)
    {
        if (buffer.IsSingleSegment)
        {
            int index = buffer.FirstSpan.IndexOf(needle);
            return index < 0 ? null : buffer.GetPosition(index);
        }

        SequenceReader<byte> reader = new(buffer);
        while (reader.TryAdvanceTo(needle[0], advancePastDelimiter: false))
        {
            if (reader.IsNext(needle, advancePast: false))
            {
                return reader.Position;
            }

            reader.Advance(1);
        }

        return null;
    }
}
