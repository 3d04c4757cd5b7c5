using Router.Core.Configuration;

namespace Router.Core.Tests.Configuration;

public sealed class FillInTheMiddleConfigTests
{
    private static string WithVllm(string fim) => ConfigYaml.Eval.Replace(
        "  claude:\n",
        $"  vllm:\n    provider: openai\n    url: http://10.0.0.7:8000/v1\n    fim: {fim}\n  claude:\n",
        StringComparison.Ordinal);

    [Theory]
    [InlineData("template", FillInTheMiddleMode.Template)]
    [InlineData("infill", FillInTheMiddleMode.Infill)]
    [InlineData("fim-endpoint", FillInTheMiddleMode.FimEndpoint)]
    [InlineData("suffix", FillInTheMiddleMode.Suffix)]
    [InlineData("none", FillInTheMiddleMode.None)]
    [InlineData("Template", FillInTheMiddleMode.Template)]
    public void An_endpoint_fim_mode_is_read_from_router_yaml(string written, FillInTheMiddleMode expected)
    {
        RouterConfig config = ConfigYaml.LoadGood(WithVllm(written));

        Assert.Equal(expected, config.Endpoints["vllm"].FillInTheMiddle);
    }

    [Fact]
    public void Auto_or_no_fim_key_leaves_the_mode_to_detection()
    {
        Assert.Null(ConfigYaml.LoadGood(WithVllm("auto")).Endpoints["vllm"].FillInTheMiddle);
        Assert.Null(ConfigYaml.LoadGood(ConfigYaml.Eval).Endpoints["gpu-box"].FillInTheMiddle);
    }

    [Fact]
    public void An_unknown_fim_mode_is_an_error_at_its_line_naming_the_modes()
    {
        string yaml = WithVllm("magic");

        ConfigDiagnostic error = Assert.Single(ConfigYaml.Load(yaml).Errors);

        Assert.Equal("endpoints.vllm.fim", error.Key);
        Assert.Equal(ConfigYaml.LineOf(yaml, "fim: magic"), error.Line);
        Assert.Contains("'magic'", error.Message, StringComparison.Ordinal);
        Assert.Contains("template, infill, fim-endpoint, none", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("laptop", "infill", "native, template or none")]
    [InlineData("claude", "template", "no completions API")]
    public void A_mode_the_provider_cannot_speak_is_an_error(string endpoint, string fim, string why)
    {
        string marker = endpoint == "laptop" ? "    url: http://127.0.0.1:11434\n" : "    cloud: true\n";
        string yaml = ConfigYaml.Eval.Replace(marker, marker + $"    fim: {fim}\n", StringComparison.Ordinal);

        ConfigDiagnostic error = Assert.Single(ConfigYaml.Load(yaml).Errors);

        Assert.Equal($"endpoints.{endpoint}.fim", error.Key);
        Assert.Equal(ConfigYaml.LineOf(yaml, $"fim: {fim}"), error.Line);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_on_an_openai_endpoint_is_an_error()
    {
        ConfigDiagnostic error = Assert.Single(ConfigYaml.Load(WithVllm("native")).Errors);

        Assert.Equal("endpoints.vllm.fim", error.Key);
        Assert.Contains("Ollama", error.Message, StringComparison.Ordinal);
    }
}
