namespace Router.Cli.Evaluation;

/// <summary>The parsed arguments of `router eval`.</summary>
/// <param name="CasesPath">A JSONL file or a directory of them; null for eval/cases under the current directory.</param>
internal sealed record EvalInvocation(
    string? CasesPath,
    string? ConfigPath,
    EvalThresholds Thresholds,
    bool Json,
    bool ShowMisses);
