namespace Router.Emulator.Wire;

/// <summary>The answer of GET /api/tags.</summary>
internal sealed record TagsBody(IReadOnlyList<TagsModelBody> Models);
