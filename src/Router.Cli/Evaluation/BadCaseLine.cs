namespace Router.Cli.Evaluation;

/// <summary>A case line that is not a usable case (not JSON, no id, no "expect"); it counts as a failure.</summary>
internal sealed record BadCaseLine(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: error: {Problem}";
}
