namespace Router.Core.Signals.Languages;

/// <summary>One cue found in a folded text: where it starts and ends, and which entry of the <see cref="CueMatcher"/> it is.</summary>
internal readonly record struct CueHit(int Start, int End, int Entry);
