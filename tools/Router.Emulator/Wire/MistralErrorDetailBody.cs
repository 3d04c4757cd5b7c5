namespace Router.Emulator.Wire;

/// <summary>One refused field: {"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}.</summary>
internal sealed record MistralErrorDetailBody(string Type, IReadOnlyList<string> Loc, string Msg);
