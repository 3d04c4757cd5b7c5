namespace Router.Cli.Init;

/// <summary>One model a host has, as `router init` judges it: size, parameters, capabilities and context.</summary>
/// <param name="Name">The host's name for it, e.g. "qwen2.5-coder:14b".</param>
/// <param name="SizeBytes">Size on disk (<c>/api/tags</c>); 0 when unknown.</param>
/// <param name="ParameterSize">As the host spells it ("14.8B", "494M"); null when unknown.</param>
/// <param name="Capabilities">Ollama's capability names ("completion", "insert", "vision", "thinking", "tools", "embedding"); null when /api/show failed.</param>
/// <param name="ContextTokens">The trained context length from model_info; null when unknown.</param>
internal sealed record HostModel(string Name, long SizeBytes, string? ParameterSize, IReadOnlyList<string>? Capabilities, int? ContextTokens)
{
    /// <summary>Billions of parameters, from the host's parameter size, else the name's tag (":14b"), else the file size.</summary>
    public double Billions => ModelTraits.Billions(this);

    public bool Has(string capability) => Capabilities?.Contains(capability, StringComparer.OrdinalIgnoreCase) ?? false;
}
