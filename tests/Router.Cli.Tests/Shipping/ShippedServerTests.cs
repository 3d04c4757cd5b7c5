using System.Text.Json;

namespace Router.Cli.Tests.Shipping;

public sealed class ShippedServerTests
{
    [Fact]
    public void The_router_needs_only_the_dotnet_runtime_not_aspnet_core()
    {
        // The emulator (Kestrel) is a tool of the repository; were it linked in, users would need the ASP.NET Core runtime too.
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "router.runtimeconfig.json")));
        JsonElement options = config.RootElement.GetProperty("runtimeOptions");
        string[] frameworks = options.TryGetProperty("frameworks", out JsonElement list)
            ? [.. list.EnumerateArray().Select(f => f.GetProperty("name").GetString()!)]
            : [options.GetProperty("framework").GetProperty("name").GetString()!];

        Assert.Equal(["Microsoft.NETCore.App"], frameworks);
    }

    [Fact]
    public void The_router_has_no_emulator_or_demo_inside_it()
    {
        using JsonDocument deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "router.deps.json")));
        string[] libraries = [.. deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name)];

        Assert.Contains(libraries, l => l.StartsWith("Router.Lsp/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.Contains("Emulator", StringComparison.OrdinalIgnoreCase) || l.Contains("Demo", StringComparison.OrdinalIgnoreCase));
    }
}
