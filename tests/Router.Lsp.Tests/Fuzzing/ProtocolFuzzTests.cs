using System.Globalization;
using Xunit.Abstractions;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>The protocol fuzzer, run on every test run from a fixed seed over at least 10,000 frames. For a longer run set
/// <c>ROUTER_FUZZ_FRAMES</c> (e.g. <c>ROUTER_FUZZ_FRAMES=200000</c>), and <c>ROUTER_FUZZ_SEED</c> to try other frames.</summary>
public sealed class ProtocolFuzzTests(ITestOutputHelper output)
{
    private const int DefaultFrames = 10_000;
    private const int DefaultSeed = 13_0613;

    [Fact]
    public async Task Hostile_frames_never_end_the_server_and_valid_requests_among_them_keep_their_answers()
    {
        int frames = Setting("ROUTER_FUZZ_FRAMES", DefaultFrames);
        int seed = Setting("ROUTER_FUZZ_SEED", DefaultSeed);
        await using ProtocolFuzzer fuzzer = new(seed, frames);
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60 + (frames / 100)));

        await fuzzer.RunAsync(timeout.Token);

        output.WriteLine($"seed {seed}: {fuzzer.FramesSent} frames in {fuzzer.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", fuzzer.Made.Select(kind => $"{kind.Key} {kind.Value}"))})");
        output.WriteLine($"{fuzzer.ProbesAnswered} probes answered; errors by code: {string.Join(", ", fuzzer.ErrorCodes.OrderBy(code => code.Key).Select(code => $"{code.Key}: {code.Value}"))}");
        output.WriteLine($"{fuzzer.Crashes.Count} crashes, {fuzzer.Hangs.Count} hangs, {fuzzer.WrongAnswers.Count} wrong or missing answers");
        Assert.True(fuzzer.Crashes.Count == 0, $"{fuzzer.Crashes.Count} frames ended the server:\n{string.Join('\n', fuzzer.Crashes.Take(10))}");
        Assert.True(fuzzer.Hangs.Count == 0, $"The server stopped reading:\n{string.Join('\n', fuzzer.Hangs.Take(10))}");
        Assert.True(fuzzer.WrongAnswers.Count == 0, $"Probes answered wrongly:\n{string.Join('\n', fuzzer.WrongAnswers)}");
        Assert.True(fuzzer.Violations.Count == 0, $"The server wrote frames that are not JSON-RPC:\n{string.Join('\n', fuzzer.Violations.Take(10))}");
        Assert.True(fuzzer.InternalErrors.Count == 0, $"Unforeseen failures (InternalError):\n{string.Join('\n', fuzzer.InternalErrors.Distinct().Take(10))}");
        Assert.True(fuzzer.FramesSent >= frames);
        Assert.Equal(0, fuzzer.ExitCode);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;
}
