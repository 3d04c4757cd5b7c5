using BenchmarkDotNet.Attributes;
using Router.Core.Tokens;

namespace Router.Bench;

/// <summary>cl100k_base token counting of a 4 KB request.</summary>
[MemoryDiagnoser]
public class TokenCounterBenchmarks
{
    private string _text = "";

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "code";

    public static IEnumerable<string> Kinds => BenchmarkRequest.Kinds;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkRequest.Text(Kind);
        // Load the rank table outside the measurement.
        TokenCounter.Default.Count("warm up");
    }

    [Benchmark]
    public int Count() => TokenCounter.Default.Count(_text);
}
