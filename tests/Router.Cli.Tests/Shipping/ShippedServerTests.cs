using System.Diagnostics;
using System.Text.Json;

namespace Router.Cli.Tests.Shipping;

public sealed class ShippedServerTests
{
    [Fact]
    public void The_dotnet_tool_build_has_the_gateway_and_needs_aspnet_core_which_the_sdk_carries()
    {
        Assert.Equal(["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"], Frameworks(Path.Combine(AppContext.BaseDirectory, "router.runtimeconfig.json")));
    }

    [Theory]
    [InlineData("-p:RouterGateway=false")]
    [InlineData("-p:RuntimeIdentifier=linux-x64")]
    [InlineData("-p:RuntimeIdentifier=win-arm64")]
    public async Task The_servers_of_the_extension_leave_the_gateway_and_aspnet_core_out(string build)
    {
        // What MSBuild would build for the self-contained servers and the universal .vsix's (build.cake publishes that one
        // with RouterGateway=false, and checks its runtimeconfig): evaluated, not built, so it takes seconds.
        string project = Path.Combine(RepositoryRoot(), "src", "Router.Cli", "Router.Cli.csproj");
        using JsonDocument evaluated = JsonDocument.Parse(await MsBuildAsync(
            project, build, "-getItem:ProjectReference", "-getItem:FrameworkReference", "-getProperty:DefineConstants", "-getProperty:RouterGateway"));
        JsonElement items = evaluated.RootElement.GetProperty("Items");
        string[] projects = [.. items.GetProperty("ProjectReference").EnumerateArray().Select(p => Path.GetFileName(p.GetProperty("Identity").GetString()!))];
        string[] frameworks = items.TryGetProperty("FrameworkReference", out JsonElement list)
            ? [.. list.EnumerateArray().Select(f => f.GetProperty("Identity").GetString()!)]
            : [];

        Assert.Contains("Router.Lsp.csproj", projects);
        Assert.DoesNotContain("Router.Gateway.csproj", projects);
        Assert.DoesNotContain("Microsoft.AspNetCore.App", frameworks);
        Assert.Equal("false", evaluated.RootElement.GetProperty("Properties").GetProperty("RouterGateway").GetString());
        Assert.DoesNotContain("ROUTER_GATEWAY", evaluated.RootElement.GetProperty("Properties").GetProperty("DefineConstants").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_router_has_no_emulator_or_demo_inside_it()
    {
        using JsonDocument deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "router.deps.json")));
        string[] libraries = [.. deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name)];

        Assert.Contains(libraries, l => l.StartsWith("Router.Lsp/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.Contains("Emulator", StringComparison.OrdinalIgnoreCase) || l.Contains("Demo", StringComparison.OrdinalIgnoreCase));
    }

    private static string[] Frameworks(string runtimeConfig)
    {
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        JsonElement options = config.RootElement.GetProperty("runtimeOptions");
        return options.TryGetProperty("frameworks", out JsonElement list)
            ? [.. list.EnumerateArray().Select(f => f.GetProperty("name").GetString()!)]
            : [options.GetProperty("framework").GetProperty("name").GetString()!];
    }

    private static async Task<string> MsBuildAsync(string project, params string[] arguments)
    {
        ProcessStartInfo start = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(project);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        using CancellationTokenSource limit = new(TimeSpan.FromMinutes(2));
        Task<string> output = process.StandardOutput.ReadToEndAsync(limit.Token);
        Task<string> errors = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited {process.ExitCode}: {await errors}{await output}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Router.Lsp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Router.Lsp.sln) is not above " + AppContext.BaseDirectory);
    }
}
