using Router.Core.Configuration;

namespace Router.Backends.FillInTheMiddle;

/// <summary>What an OpenAI-compatible server says it is, and the fill-in-the-middle mode that server takes.</summary>
/// <param name="Server">The server's name, e.g. "vLLM", "llama.cpp".</param>
/// <param name="Evidence">What it said, e.g. "GET /v1/models: owned_by vllm".</param>
public sealed record ServerIdentity(string Server, FillInTheMiddleMode Mode, string Evidence);
