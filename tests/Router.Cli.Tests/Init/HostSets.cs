using Router.Emulator;

namespace Router.Cli.Tests.Init;

/// <summary>Realistic model sets for emulated Ollama hosts, as /api/tags and /api/show describe them.</summary>
internal static class HostSets
{
    public static ModelProfile Qwen3b { get; } = BuiltInModelProfiles.All.Single(m => m.Name == "qwen2.5:3b");

    public static ModelProfile Coder14b { get; } = BuiltInModelProfiles.All.Single(m => m.Name == "qwen2.5-coder:14b");

    public static ModelProfile Coder1_5b { get; } = new()
    {
        Name = "qwen2.5-coder:1.5b", Family = "qwen2", ParameterSize = "1.5B", SizeBytes = 986_000_000, VramBytes = 1_400_000_000,
        ContextLength = 32768, Capabilities = ["completion", "insert", "tools"],
    };

    public static ModelProfile Qwen25Vl7b { get; } = new()
    {
        Name = "qwen2.5vl:7b", Family = "qwen25vl", ParameterSize = "8.3B", SizeBytes = 6_000_000_000, VramBytes = 7_500_000_000,
        ContextLength = 128000, Capabilities = ["completion", "vision", "tools"],
    };

    /// <summary>A laptop that has pulled one 3B model.</summary>
    public static IReadOnlyList<ModelProfile> Laptop { get; } = [Qwen3b];

    /// <summary>A GPU box with a mid-size coder, a small coder and a vision model.</summary>
    public static IReadOnlyList<ModelProfile> GpuBox { get; } = [Coder14b, Coder1_5b, Qwen25Vl7b];

    /// <summary>A fresh Ollama install that has pulled nothing.</summary>
    public static IReadOnlyList<ModelProfile> Empty { get; } = [];
}
