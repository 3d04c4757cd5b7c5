namespace Router.Emulator;

/// <summary>How one emulated model looks and performs: its metadata, memory footprint and speed.</summary>
public sealed record ModelProfile
{
    /// <summary>Full name with tag, e.g. "qwen2.5-coder:14b".</summary>
    public required string Name { get; init; }

    public string Family { get; init; } = "llama";
    public string ParameterSize { get; init; } = "7B";
    public string QuantizationLevel { get; init; } = "Q4_K_M";

    /// <summary>Size on disk, reported by /api/tags.</summary>
    public long SizeBytes { get; init; } = 4_700_000_000;

    /// <summary>Memory the loaded model takes, reported by /api/ps and counted against the VRAM budget.</summary>
    public long VramBytes { get; init; } = 5_500_000_000;

    public int ContextLength { get; init; } = 32768;

    /// <summary>Ollama's capability names: "completion", "insert" (fill-in-the-middle), "vision", "tools", "thinking".</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = ["completion"];

    /// <summary>Prompt evaluation time before the first token, at time scale 1.</summary>
    public TimeSpan TimeToFirstToken { get; init; } = TimeSpan.FromMilliseconds(150);

    public double TokensPerSecond { get; init; } = 40;

    /// <summary>Time to load the model when it is not resident, at time scale 1.</summary>
    public TimeSpan ColdLoad { get; init; } = TimeSpan.FromSeconds(3);

    public bool SupportsInsert => Capabilities.Contains("insert", StringComparer.Ordinal);
}
