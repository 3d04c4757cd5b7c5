namespace Router.Emulator.Wire;

/// <summary>OpenAI's stream_options; include_usage adds a final chunk with usage and no choices.</summary>
internal sealed record OpenAiStreamOptionsBody
{
    public bool? IncludeUsage { get; init; }
}
