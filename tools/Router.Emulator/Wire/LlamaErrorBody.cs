namespace Router.Emulator.Wire;

/// <summary>llama.cpp server's error: {"error":{"code":500,"message":"...","type":"server_error"}}.</summary>
internal sealed record LlamaErrorBody(LlamaErrorDetailBody Error);
