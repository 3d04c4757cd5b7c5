namespace Router.Backends.OpenAi;

/// <summary>stream_options: include_usage asks for a last chunk carrying the token counts.</summary>
internal sealed record OpenAiStreamOptions(bool IncludeUsage);
