namespace Router.Core.Privacy;

/// <summary>Told by <see cref="CueFinder"/> where a word starts; returns true to stop the search.</summary>
internal delegate bool CueVisitor<TState>(ReadOnlySpan<char> text, int start, string word, TState state);
