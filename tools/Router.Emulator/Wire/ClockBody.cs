namespace Router.Emulator.Wire;

/// <summary>POST /_emulator/clock: <c>{"advance_ms": 600000}</c> moves the host's clock on; the answer gives its time now.</summary>
internal sealed record ClockBody
{
    public double? AdvanceMs { get; init; }
    public string? Now { get; init; }
}
