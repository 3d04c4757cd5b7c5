namespace Router.Emulator.Wire;

/// <summary>chat.completion, chat.completion.chunk or text_completion: the shapes share their fields.</summary>
internal sealed record OpenAiCompletionBody
{
    public required string Id { get; init; }
    public required string Object { get; init; }
    public long Created { get; init; }
    public required string Model { get; init; }
    public IReadOnlyList<OpenAiChoiceBody> Choices { get; init; } = [];
    public OpenAiUsageBody? Usage { get; init; }
}
