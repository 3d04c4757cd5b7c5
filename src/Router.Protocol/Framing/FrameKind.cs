namespace Router.Protocol.Framing;

/// <summary>What the frame reader found next on the stream.</summary>
internal enum FrameKind
{
    Message,
    Malformed,

    /// <summary>A well-formed header announcing a body over the size limit; the body is skipped unread.</summary>
    Oversized,
    EndOfStream,
}
