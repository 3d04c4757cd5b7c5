using Router.Runtime.State;

namespace Router.Runtime.Tests.State;

/// <summary>Where the spend file and the logs go, per platform and with <c>XDG_STATE_HOME</c>.</summary>
public sealed class StateDirectoryTests
{
    private static Func<string, string?> Environment(string? xdgState, string home) => name => name switch
    {
        "XDG_STATE_HOME" => xdgState,
        "HOME" => home,
        _ => null,
    };

    [Fact]
    public void XDG_STATE_HOME_moves_the_state_and_the_logs_on_every_platform()
    {
        string state = Path.Combine(Path.GetTempPath(), "xdg-state");

        Assert.Equal(Path.Combine(state, "router-lsp"), StateDirectory.Resolve(Environment(state, "/home/u")));
        Assert.Equal(Path.Combine(state, "router-lsp"), StateDirectory.Logs(Environment(state, "/home/u")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("relative/state")]
    public void Without_a_usable_XDG_STATE_HOME_logs_go_where_the_platform_keeps_them(string? xdgState)
    {
        string logs = StateDirectory.Logs(Environment(xdgState, "/home/u"));

        string expected = OperatingSystem.IsWindows()
            ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData), "router-lsp")
            : OperatingSystem.IsMacOS() ? "/home/u/Library/Logs/router-lsp" : "/home/u/.local/state/router-lsp";
        Assert.Equal(expected, logs);
    }
}
