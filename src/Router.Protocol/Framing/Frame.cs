namespace Router.Protocol.Framing;

/// <summary>One framed message body, a malformed header block or an oversized message (with the reason), or the end of the stream.</summary>
internal readonly record struct Frame(FrameKind Kind, ReadOnlyMemory<byte> Body, string? Problem)
{
    public static Frame End { get; } = new(FrameKind.EndOfStream, ReadOnlyMemory<byte>.Empty, null);

    public static Frame Malformed(string problem) => new(FrameKind.Malformed, ReadOnlyMemory<byte>.Empty, problem);

    public static Frame Oversized(string problem) => new(FrameKind.Oversized, ReadOnlyMemory<byte>.Empty, problem);
}
