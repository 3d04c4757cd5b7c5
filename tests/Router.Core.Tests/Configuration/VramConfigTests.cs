using Router.Core.Configuration;

namespace Router.Core.Tests.Configuration;

public sealed class VramConfigTests
{
    private static string WithVram(string value) => ConfigYaml.Eval.Replace(
        "    url: http://127.0.0.1:11434\n", $"    url: http://127.0.0.1:11434\n    vramGb: {value}\n", StringComparison.Ordinal);

    [Fact]
    public void An_endpoint_vram_is_read_in_gb()
    {
        Assert.Equal(24, ConfigYaml.LoadGood(WithVram("24")).Endpoints["laptop"].VramGb);
        Assert.Null(ConfigYaml.LoadGood(ConfigYaml.Eval).Endpoints["laptop"].VramGb);
    }

    [Theory]
    [InlineData("lots", "expected a number")]
    [InlineData("0", "must be at least 0.1")]
    public void A_bad_vram_is_an_error_at_its_line_and_key(string value, string why)
    {
        string yaml = WithVram(value);

        ConfigDiagnostic error = Assert.Single(ConfigYaml.Load(yaml).Errors);

        Assert.Equal("endpoints.laptop.vramGb", error.Key);
        Assert.Equal(ConfigYaml.LineOf(yaml, $"vramGb: {value}"), error.Line);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
