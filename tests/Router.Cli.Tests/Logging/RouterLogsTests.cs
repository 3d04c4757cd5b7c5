using System.CommandLine;
using Microsoft.Extensions.Logging;
using Router.Cli.Logging;

namespace Router.Cli.Tests.Logging;

/// <summary>Which level a run logs at: <c>--log-level</c>, else <c>ROUTER_LOG_LEVEL</c>, else the command's default
/// (information for the language server, warning in a terminal).</summary>
public sealed class RouterLogsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("router-levels-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (LogLevel Level, string Said) Start(string? variable, params string[] args)
    {
        using RouterLogs logs = new();
        RootCommand root = new();
        root.Options.Add(logs.LevelOption);
        root.Subcommands.Add(new Command("lsp"));
        root.Subcommands.Add(new Command("ask"));
        StringWriter terminal = new();
        logs.Start(root.Parse(args), terminal, name => name switch
        {
            "ROUTER_LOG_LEVEL" => variable,
            "XDG_STATE_HOME" => _dir,
            _ => null,
        });
        return (logs.Level, terminal.ToString());
    }

    [Theory]
    [InlineData(null, new[] { "lsp" }, LogLevel.Information)]
    [InlineData(null, new[] { "ask" }, LogLevel.Warning)]
    [InlineData("debug", new[] { "lsp" }, LogLevel.Debug)]
    [InlineData("debug", new[] { "ask", "--log-level", "error" }, LogLevel.Error)]
    [InlineData(null, new[] { "--log-level", "trace", "lsp" }, LogLevel.Trace)]
    [InlineData(null, new[] { "ask", "--log-level", "none" }, LogLevel.None)]
    public void The_option_wins_over_the_variable_which_wins_over_the_command_default(string? variable, string[] args, LogLevel expected) =>
        Assert.Equal(expected, Start(variable, args).Level);

    [Fact]
    public void A_level_variable_that_names_no_level_is_said_and_the_default_is_used()
    {
        (LogLevel level, string said) = Start("verbose", "lsp");

        Assert.Equal(LogLevel.Information, level);
        Assert.Contains("ROUTER_LOG_LEVEL=verbose is not a level", said, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_below_the_level_are_not_written_and_lines_at_it_are_written_redacted_to_both_sinks()
    {
        using RouterLogs logs = new();
        RootCommand root = new();
        root.Options.Add(logs.LevelOption);
        root.Subcommands.Add(new Command("ask"));
        StringWriter terminal = new();
        logs.Start(root.Parse(["ask"]), terminal, name => name == "XDG_STATE_HOME" ? _dir : null);
        ILogger log = logs.Factory.CreateLogger("test");
        string password = "Lantern$" + Random.Shared.Next(10, 99);

        log.LogInformation("an information line");
        log.LogWarning("the login failed: my password is {Password}", password);
        logs.Dispose();

        string file = File.ReadAllText(Path.Combine(_dir, "router-lsp", "router.log"));
        foreach (string written in new[] { terminal.ToString(), file })
        {
            Assert.DoesNotContain("an information line", written, StringComparison.Ordinal);
            Assert.Contains(" warn test: the login failed: my password is ***", written, StringComparison.Ordinal);
            Assert.DoesNotContain(password, written, StringComparison.Ordinal);
        }
    }
}
