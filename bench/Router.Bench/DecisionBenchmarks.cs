using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tokens;

namespace Router.Bench;

/// <summary>
/// One whole routing decision (privacy scan, token count, content signals, continuity, context fit, fallbacks) on
/// realistic 4 KB requests of every kind, with the evaluation configuration.
/// </summary>
[Config(typeof(DecisionBenchmarkConfig))]
public class DecisionBenchmarks
{
    private RoutePolicy _policy = null!;
    private RouteRequest _request = null!;
    private RouteRequest[] _newTexts = [];
    private int _next;

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "chat-code";

    public static IEnumerable<string> Kinds =>
        ["chat-code", "chat-code-new", "chat-prose", "refactor", "explain", "completion", "chat-zh", "chat-ja", "chat-ru", "chat-de"];

    // A chat prompt is new text: "chat-code-new" decides a different variant of the code request at every call, each of
    // its lines ending in the variant's number. Before any variant is decided, the token counter's line cache is filled
    // with other lines (it stops growing when full, as in a server that has run a while), so that no line of a variant is
    // ever found there and only words and numbers seen before are.
    private const int NewTextVariants = 4096;
    private const int EarlierLines = 40_000;

    [GlobalSetup]
    public void Setup()
    {
        ConfigLoadResult loaded = RouterConfigLoader.Load(EvalConfig.Yaml, "router.yaml", _ => null);
        _policy = new RoutePolicy(loaded.Config ?? throw new InvalidOperationException("The evaluation configuration does not load."));
        _request = Request(Kind == "chat-code-new" ? "chat-code" : Kind);
        if (Kind == "chat-code-new")
        {
            TokenCounter.Default.Count(string.Join('\n', Enumerable.Range(0, EarlierLines).Select(line => $"earlier text, line {line}")));
            _newTexts = [.. Enumerable.Range(0, NewTextVariants).Select(variant => _request with
            {
                Text = string.Join('\n', _request.Text!.Split('\n').Select(line => line.Length == 0 ? line : $"{line} {variant}")),
            })];
        }

        // Bring the policy to its steady, fully optimised state before calls are timed: keep deciding until the JIT has
        // compiled nothing new for a whole second. On a busy machine tiered compilation of the large regex matchers took
        // longer than a fixed 1.5 s, and chat was then measured half in unoptimised code, with the background compiler
        // competing for the cores (2 to 4 times the steady cost).
        Stopwatch warm = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        TimeSpan quietSince = TimeSpan.Zero;
        while (warm.Elapsed < TimeSpan.FromSeconds(60)
            && (warm.Elapsed < TimeSpan.FromSeconds(1.5) || warm.Elapsed - quietSince < TimeSpan.FromSeconds(1)))
        {
            Decide();
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = warm.Elapsed;
            }
        }
    }

    [Benchmark]
    public RouteDecision Decide() =>
        _policy.Decide(_newTexts.Length == 0 ? _request : _newTexts[_next++ & (NewTextVariants - 1)]);

    /// <summary>The request measured for <paramref name="kind"/>; each carries about 4 KB of text.</summary>
    public static RouteRequest Request(string kind)
    {
        string code = BenchmarkRequest.Code4K;
        string prose = BenchmarkRequest.Prose4K;
        // The code request without its leading instruction: a selection as an editor sends it.
        string selection = code[(code.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        return kind switch
        {
            "chat-code" => new RouteRequest("chat-code", RequestKind.Chat)
            {
                Language = "csharp",
                File = "src/Library/CatalogueSync.cs",
                Text = code,
                History = [new HistoryTurn(RequestKind.Chat, "why does the sync hang after a timeout?", Tier.Code, 3)],
            },
            "chat-prose" => new RouteRequest("chat-prose", RequestKind.Chat) { Text = prose },
            "chat-zh" or "chat-ja" or "chat-ru" or "chat-de" => new RouteRequest(kind, RequestKind.Chat) { Text = BenchmarkRequest.Chat4K(kind[5..]) },
            "refactor" => new RouteRequest("refactor", RequestKind.Refactor)
            {
                Language = "csharp",
                File = "src/Library/CatalogueSync.cs",
                Text = "Inject the retry policy instead of hard-coding it.\n\n" + selection,
            },
            "explain" => new RouteRequest("explain", RequestKind.Explain)
            {
                Language = "csharp",
                File = "src/Library/CatalogueSync.cs",
                Text = selection,
            },
            "completion" => new RouteRequest("completion", RequestKind.Completion)
            {
                Language = "csharp",
                File = "src/Library/CatalogueSync.cs",
                Prefix = code,
                Suffix = selection,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown request kind."),
        };
    }
}
