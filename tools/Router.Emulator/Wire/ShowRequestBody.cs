namespace Router.Emulator.Wire;

/// <summary>The body of POST /api/show; older clients send "name" instead of "model".</summary>
internal sealed record ShowRequestBody
{
    public string? Model { get; init; }
    public string? Name { get; init; }
}
