namespace Router.Core.Signals.Languages;

/// <summary>A signal a language's rules found, before it is named: its label ("proof request"), class, weight, and the
/// language (with how many of its cues the text holds, which breaks ties between languages).</summary>
internal readonly record struct FoundSignal(string Label, SignalClass Class, double Weight, string Language, int Evidence);
