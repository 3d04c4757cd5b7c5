namespace Router.Core.Signals.Languages;

/// <summary>The lists and arrays one reading of an ask needs, kept per thread so that reading allocates nothing once they
/// have grown.</summary>
internal sealed class CueScratch
{
    public List<CueHit> Hits { get; } = new(64);

    public uint[] Languages { get; set; } = new uint[64];

    public List<FoundSignal> Found { get; } = new(16);

    public CueView View { get; } = new();
}
