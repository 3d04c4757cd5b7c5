namespace Router.Protocol.Framing;

/// <summary>What the frame reader found next on the stream.</summary>
internal enum FrameKind
{
    Message,
    Malformed,
    EndOfStream,
}
