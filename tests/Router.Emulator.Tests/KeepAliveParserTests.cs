using System.Text.Json;

namespace Router.Emulator.Tests;

public sealed class KeepAliveParserTests
{
    [Theory]
    [InlineData("\"5m\"", 300)]
    [InlineData("\"1h30m\"", 5400)]
    [InlineData("\"30s\"", 30)]
    [InlineData("\"500ms\"", 0.5)]
    [InlineData("\"0\"", 0)]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    public void Durations_and_seconds_parse_as_Ollama_reads_them(string json, double seconds)
    {
        Assert.True(KeepAliveParser.TryParse(JsonDocument.Parse(json).RootElement, TimeSpan.FromMinutes(5), out var keepAlive, out _));
        Assert.Equal(TimeSpan.FromSeconds(seconds), keepAlive);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"-1m\"")]
    public void Negative_means_forever(string json)
    {
        Assert.True(KeepAliveParser.TryParse(JsonDocument.Parse(json).RootElement, TimeSpan.FromMinutes(5), out var keepAlive, out _));
        Assert.Equal(KeepAliveParser.Forever, keepAlive);
    }

    [Fact]
    public void Missing_means_the_default()
    {
        Assert.True(KeepAliveParser.TryParse(null, TimeSpan.FromMinutes(7), out var keepAlive, out _));
        Assert.Equal(TimeSpan.FromMinutes(7), keepAlive);
    }

    [Fact]
    public void Garbage_is_an_error()
    {
        Assert.False(KeepAliveParser.TryParse(JsonDocument.Parse("\"5 minutes\"").RootElement, TimeSpan.Zero, out _, out var error));
        Assert.Contains("invalid duration", error, StringComparison.Ordinal);
    }
}
