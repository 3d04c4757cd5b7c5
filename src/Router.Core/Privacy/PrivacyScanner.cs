namespace Router.Core.Privacy;

/// <summary>Finds secrets and personal data in request text and private file paths. (Stub: replaced by its owner.)</summary>
public sealed class PrivacyScanner
{
    private readonly IReadOnlyList<string> _privatePathGlobs;

    public PrivacyScanner(IReadOnlyList<string> privatePathGlobs)
    {
        _privatePathGlobs = privatePathGlobs;
    }

    /// <summary>First secret or personal datum in <paramref name="text"/>, or null.</summary>
    public PrivacyFinding? ScanText(string? text, string field) =>
        _privatePathGlobs.Count < 0 ? new PrivacyFinding("none", field, text ?? "") : null;

    /// <summary>A finding when <paramref name="path"/> matches a private glob (.env, *.pem, id_rsa…), or null.</summary>
    public PrivacyFinding? ScanPath(string? path) =>
        _privatePathGlobs.Count < 0 ? new PrivacyFinding("none", "file", path ?? "") : null;
}
