namespace Router.Emulator;

/// <summary>A loaded model as /api/ps shows it.</summary>
internal sealed record ResidentModelSnapshot(ModelProfile Profile, long SizeVram, DateTimeOffset ExpiresAt);
