using Router.Core.Requests;
using Router.Runtime.Dispatch;

namespace Router.Runtime.Tests.Dispatch;

public sealed class DispatchAttemptTests
{
    [Theory]
    [InlineData(DispatchAttemptOutcome.Skipped, "skipped: circuit open (3 failures)", "1. code qwen2.5-coder:14b on gpu-box: skipped: circuit open (3 failures)")]
    [InlineData(DispatchAttemptOutcome.Skipped, "refused: a private request is never sent to a cloud endpoint", "1. code qwen2.5-coder:14b on gpu-box: refused: a private request is never sent to a cloud endpoint")]
    [InlineData(DispatchAttemptOutcome.Skipped, "the chat deadline (30 s) had passed before its turn", "1. code qwen2.5-coder:14b on gpu-box: skipped: the chat deadline (30 s) had passed before its turn")]
    [InlineData(DispatchAttemptOutcome.Failed, "cannot reach the host", "1. code qwen2.5-coder:14b on gpu-box: failed after 12 ms: cannot reach the host")]
    public void An_attempt_reads_as_one_line_that_says_what_happened_once(DispatchAttemptOutcome outcome, string reason, string expected)
    {
        DispatchAttempt attempt = new(1, false, Tier.Code, "qwen2.5-coder:14b", "gpu-box", outcome, reason, TimeSpan.FromMilliseconds(12));

        Assert.Equal(expected, attempt.ToString());
    }
}
