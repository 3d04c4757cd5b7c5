namespace Router.Cli.Doctor;

/// <summary>A model loaded on a host now, with its GPU memory and when the host will unload it.</summary>
internal sealed record LoadedModelFinding(string Name, long? SizeVramBytes, DateTimeOffset? ExpiresAt);
