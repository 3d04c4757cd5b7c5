using Router.Core.Tokens;

namespace Router.Core.Tests;

public sealed class TokenCounterTests
{
    [Fact]
    public void Empty_text_has_no_tokens() => Assert.Equal(0, TokenCounter.Default.Count(string.Empty));
}
