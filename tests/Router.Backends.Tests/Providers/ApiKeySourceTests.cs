using Router.Backends.Providers;

namespace Router.Backends.Tests.Providers;

public sealed class ApiKeySourceTests
{
    [Fact]
    public void Reading_a_set_variable_keeps_the_key_but_its_text_names_only_the_variable()
    {
        var source = ApiKeySource.Read("ROUTER_TEST_KEY", name => name == "ROUTER_TEST_KEY" ? "sk-secret-value" : null);

        Assert.Equal("sk-secret-value", source.Key);
        Assert.False(source.IsMissing);
        Assert.Contains("ROUTER_TEST_KEY", source.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-value", source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_variable_counts_as_missing()
    {
        var source = ApiKeySource.Read("ROUTER_TEST_KEY", _ => "  ");

        Assert.True(source.IsMissing);
        Assert.Null(source.Key);
    }

    [Fact]
    public void No_variable_named_means_no_key_is_needed()
    {
        var source = ApiKeySource.Read(null, _ => throw new InvalidOperationException("nothing should be read"));

        Assert.False(source.IsMissing);
        Assert.Same(ApiKeySource.None, source);
    }
}
