namespace Router.Core.Signals.Languages;

/// <summary>What the rest of the analysis found in an ask, which the language rules combine with its words.</summary>
/// <param name="TechnologyNamed">A technology was named (the English whole-word look-up).</param>
/// <param name="Identifiers">Identifiers counted in the text.</param>
/// <param name="Number">The ask holds a number.</param>
/// <param name="Quantities">The ask holds two numbers or more.</param>
internal readonly record struct AskFacts(bool TechnologyNamed, int Identifiers, bool Number, bool Quantities);
