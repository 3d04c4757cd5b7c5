using Router.Core.Configuration;

namespace Router.Runtime.Configuration;

/// <summary>The outcome of reading the configuration file: taken, or refused with the last good one kept.</summary>
/// <param name="Source">The file read, or the built-in default's name.</param>
/// <param name="Applied">False when the edit had errors and the previous configuration stays in force.</param>
/// <param name="Repeat">A refusal with the same diagnostics as the read before it, with no good read between: the user
/// has been told already (an editor saving the same broken text again, or a save raising several file events).</param>
public sealed record ConfigReload(string Source, bool Applied, IReadOnlyList<ConfigDiagnostic> Diagnostics, bool Repeat = false);
