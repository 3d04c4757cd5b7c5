namespace Router.Emulator.Wire;

/// <summary>The list of fields Mistral's validation refused.</summary>
internal sealed record MistralErrorMessageBody(IReadOnlyList<MistralErrorDetailBody> Detail);
