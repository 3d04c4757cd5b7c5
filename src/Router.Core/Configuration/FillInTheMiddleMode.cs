namespace Router.Core.Configuration;

/// <summary>How an endpoint is asked to fill in the middle between the text before and after the cursor.</summary>
public enum FillInTheMiddleMode
{
    /// <summary>Ollama's <c>suffix</c> on /api/generate: the server applies the model's own template.</summary>
    Native,

    /// <summary>OpenAI-style <c>suffix</c> on /v1/completions, for servers that take it (DeepSeek's beta API, OpenAI's instruct model).</summary>
    Suffix,

    /// <summary>The model family's own FIM tokens in a plain /v1/completions prompt, stopped at the family's end tokens.</summary>
    Template,

    /// <summary>llama.cpp's /infill, with other open files in <c>input_extra</c>.</summary>
    Infill,

    /// <summary>Mistral's /v1/fim/completions (Codestral).</summary>
    FimEndpoint,

    /// <summary>No fill-in-the-middle: the model only continues the text before the cursor.</summary>
    None,
}
