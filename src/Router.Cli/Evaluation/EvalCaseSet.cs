namespace Router.Cli.Evaluation;

/// <summary>Every case read from a file or directory, with the lines that were not usable cases.</summary>
internal sealed record EvalCaseSet(IReadOnlyList<string> Files, IReadOnlyList<EvalCase> Cases, IReadOnlyList<BadCaseLine> BadLines);
