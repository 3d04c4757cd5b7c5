namespace Router.Backends.OpenAi;

/// <summary>One other file in /infill's <c>input_extra</c>.</summary>
internal sealed record LlamaInfillExtra(string Filename, string Text);
