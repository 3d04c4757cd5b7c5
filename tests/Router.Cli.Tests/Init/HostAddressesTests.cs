using Router.Cli.Init;

namespace Router.Cli.Tests.Init;

/// <summary>Which hosts `router init` probes and the endpoint names they get.</summary>
public sealed class HostAddressesTests
{
    [Theory]
    [InlineData("gpu-box", "http://gpu-box:11434/")]
    [InlineData("gpu-box:8080", "http://gpu-box:8080/")]
    [InlineData("0.0.0.0", "http://127.0.0.1:11434/")]
    [InlineData("https://ollama.example.com", "https://ollama.example.com:11434/")]
    [InlineData("http://10.0.0.2:80", "http://10.0.0.2/")]
    public void Addresses_are_read_as_ollama_reads_OLLAMA_HOST(string text, string expected) =>
        Assert.Equal(new Uri(expected), HostAddresses.Parse(text));

    [Fact]
    public void Without_hosts_localhost_and_OLLAMA_HOST_are_probed_once_each()
    {
        Assert.Equal([new Uri("http://localhost:11434/"), new Uri("http://gpu-box:11434/")], HostAddresses.Resolve([], "gpu-box", out _));
        Assert.Single(HostAddresses.Resolve([], "127.0.0.1:11434", out _));
    }

    [Fact]
    public void A_bad_address_is_an_error_that_names_it()
    {
        Assert.Empty(HostAddresses.Resolve(["ftp://x"], null, out string? error));
        Assert.Contains("'ftp://x'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_with_a_password_is_refused_and_the_password_is_not_repeated()
    {
        IReadOnlyList<Uri> urls = HostAddresses.Resolve(["http://admin:hunter2-Secret-9@gpu-box:11434"], null, out string? error);

        Assert.Empty(urls);
        Assert.NotNull(error);
        Assert.Contains("apiKeyEnv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-Secret-9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_local_or_the_host_label_with_the_port_where_two_clash()
    {
        Assert.Equal(
            ["local-11434", "local-11435", "gpu-box"],
            HostAddresses.Names([new Uri("http://127.0.0.1:11434/"), new Uri("http://localhost:11435/"), new Uri("http://gpu-box.lan:11434/")]));
    }
}
