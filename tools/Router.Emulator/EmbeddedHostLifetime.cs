using Microsoft.Extensions.Hosting;

namespace Router.Emulator;

/// <summary>A host lifetime that leaves process signals alone: the emulator is embedded in other programs
/// (tests, the demo), so Ctrl+C belongs to them, and they stop it by disposing it.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
