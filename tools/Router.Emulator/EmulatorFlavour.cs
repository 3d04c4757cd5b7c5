namespace Router.Emulator;

/// <summary>Which server the emulator answers as on its OpenAI-shaped endpoints: what it calls itself, which
/// fill-in-the-middle requests it takes and how it refuses the others, with that server's own status and body.</summary>
public enum EmulatorFlavour
{
    /// <summary>Ollama: /api/* and /v1/*; <c>suffix</c> works for a model with the insert capability.</summary>
    Ollama,

    /// <summary>vLLM: <c>suffix</c> on /v1/completions is a 400 "suffix is not currently supported".</summary>
    Vllm,

    /// <summary>llama.cpp's server: <c>suffix</c> on /v1/completions is a 500 "Unsupported param: suffix"; /infill and /props.</summary>
    LlamaCpp,

    /// <summary>SGLang: <c>suffix</c> is accepted and ignored (no completion template configured), so only the prefix is continued.</summary>
    SgLang,

    /// <summary>LM Studio: <c>suffix</c> is accepted and ignored.</summary>
    LmStudio,

    /// <summary>DeepSeek's API: <c>suffix</c> works on the beta base URL, /beta/completions.</summary>
    DeepSeek,

    /// <summary>Mistral's API for Codestral: /v1/fim/completions; there is no /v1/completions.</summary>
    Codestral,
}
