namespace Router.Emulator;

/// <summary>The models an emulator serves when no profile file names others: the tiers of the default configuration.</summary>
public static class BuiltInModelProfiles
{
    public static IReadOnlyList<ModelProfile> All { get; } =
    [
        new ModelProfile
        {
            Name = "qwen2.5-coder:14b", Family = "qwen2", ParameterSize = "14.8B", QuantizationLevel = "Q4_K_M",
            SizeBytes = 8_988_000_000, VramBytes = 10_600_000_000, ContextLength = 32768,
            Capabilities = ["completion", "insert", "tools"],
            TimeToFirstToken = TimeSpan.FromMilliseconds(180), TokensPerSecond = 38, ColdLoad = TimeSpan.FromSeconds(6),
        },
        new ModelProfile
        {
            Name = "qwen2.5:3b", Family = "qwen2", ParameterSize = "3.1B", QuantizationLevel = "Q4_K_M",
            SizeBytes = 1_929_000_000, VramBytes = 2_600_000_000, ContextLength = 32768,
            Capabilities = ["completion", "tools"],
            TimeToFirstToken = TimeSpan.FromMilliseconds(60), TokensPerSecond = 110, ColdLoad = TimeSpan.FromMilliseconds(1500),
        },
        new ModelProfile
        {
            Name = "deepseek-r1:8b", Family = "llama", ParameterSize = "8.0B", QuantizationLevel = "Q4_K_M",
            SizeBytes = 4_920_000_000, VramBytes = 6_100_000_000, ContextLength = 131072,
            Capabilities = ["completion", "thinking"],
            TimeToFirstToken = TimeSpan.FromMilliseconds(220), TokensPerSecond = 45, ColdLoad = TimeSpan.FromSeconds(4),
        },
        new ModelProfile
        {
            Name = "qwen2.5-coder:32b", Family = "qwen2", ParameterSize = "32.8B", QuantizationLevel = "Q4_K_M",
            SizeBytes = 19_850_000_000, VramBytes = 21_500_000_000, ContextLength = 32768,
            Capabilities = ["completion", "insert", "tools"],
            TimeToFirstToken = TimeSpan.FromMilliseconds(450), TokensPerSecond = 15, ColdLoad = TimeSpan.FromSeconds(14),
        },
        new ModelProfile
        {
            Name = "granite3.2-vision:2b", Family = "granite", ParameterSize = "2.5B", QuantizationLevel = "Q4_K_M",
            SizeBytes = 2_440_000_000, VramBytes = 3_400_000_000, ContextLength = 16384,
            Capabilities = ["completion", "vision"],
            TimeToFirstToken = TimeSpan.FromMilliseconds(90), TokensPerSecond = 80, ColdLoad = TimeSpan.FromSeconds(2),
        },
    ];
}
