namespace Router.Core.Privacy;

/// <summary>What a detector knows about the text it inspects besides the text.</summary>
/// <param name="Field">Where the text came from, copied into findings.</param>
/// <param name="IsLockFile">The text is a dependency lock file, full of hashes that look random but are public.</param>
internal readonly record struct TextScanContext(string Field, bool IsLockFile);
