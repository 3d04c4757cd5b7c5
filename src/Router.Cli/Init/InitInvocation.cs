namespace Router.Cli.Init;

/// <summary>The parsed arguments of `router init`.</summary>
/// <param name="Hosts">The --host values; empty probes localhost:11434 and $OLLAMA_HOST.</param>
/// <param name="OutPath">Where to write router.yaml, relative to the current directory.</param>
/// <param name="Force">Overwrite an existing file.</param>
/// <param name="Timeout">How long one host may take to answer.</param>
internal sealed record InitInvocation(IReadOnlyList<string> Hosts, string OutPath, bool Force, TimeSpan Timeout);
