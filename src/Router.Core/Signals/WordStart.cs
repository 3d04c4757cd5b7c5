namespace Router.Core.Signals;

/// <summary>A word of a text that begins with a start word of some wording patterns: where it is, and which patterns (bits).</summary>
internal readonly record struct WordStart(int Position, ulong Patterns);
