using BenchmarkDotNet.Attributes;
using Router.Core.Privacy;

namespace Router.Bench;

/// <summary>Privacy scan of a 4 KB request that holds no secret, so every detector's prefilter path runs to the end.</summary>
[MemoryDiagnoser]
public class PrivacyScannerBenchmarks
{
    private PrivacyScanner _scanner = null!;
    private string _text = "";

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "code";

    public static IEnumerable<string> Kinds => BenchmarkRequest.Kinds;

    [GlobalSetup]
    public void Setup()
    {
        _scanner = new PrivacyScanner(RequestScreeningBenchmarks.DefaultPrivatePaths);
        _text = BenchmarkRequest.Text(Kind);
    }

    [Benchmark]
    public PrivacyFinding? ScanText() => _scanner.ScanText(_text, "text");
}
