namespace Router.Emulator.Wire;

/// <summary>One chunk of another file in /infill's input_extra.</summary>
internal sealed record LlamaInfillExtraBody(string? Filename, string? Text);
