using BenchmarkDotNet.Attributes;
using Router.Core.Privacy;
using Router.Core.Tokens;

namespace Router.Bench;

/// <summary>
/// The per-request work ahead of the routing decision: path check, privacy scan and token estimate of a 4 KB request.
/// A full-decision benchmark belongs next to this one, built the same way (set up the router once, measure one call).
/// </summary>
[MemoryDiagnoser]
public class RequestScreeningBenchmarks
{
    /// <summary>The private paths of the shipped configuration.</summary>
    public static readonly string[] DefaultPrivatePaths =
        ["**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/id_rsa*", "**/credentials*", "**/secrets.*"];

    private PrivacyScanner _scanner = null!;
    private string _text = "";

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "code";

    public static IEnumerable<string> Kinds => BenchmarkRequest.Kinds;

    [GlobalSetup]
    public void Setup()
    {
        _scanner = new PrivacyScanner(DefaultPrivatePaths);
        _text = BenchmarkRequest.Text(Kind);
        TokenCounter.Default.Count("warm up");
    }

    [Benchmark]
    public int ScanAndCount()
    {
        bool isPrivate = _scanner.ScanPath("src/Library/CatalogueSync.cs") is not null || _scanner.ScanText(_text, "text") is not null;
        return TokenCounter.Default.Count(_text) + (isPrivate ? 1 : 0);
    }
}
