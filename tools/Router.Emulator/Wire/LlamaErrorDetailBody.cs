namespace Router.Emulator.Wire;

/// <summary>The inside of <see cref="LlamaErrorBody"/>.</summary>
internal sealed record LlamaErrorDetailBody(int Code, string Message, string Type);
