namespace Router.Lsp.Contracts;

/// <summary>One host in <see cref="RouterStatusParams"/>: healthy or not, why not, and the models loaded on it.</summary>
public sealed record RouterHostStatus(string Name, bool Healthy, IReadOnlyList<string> WarmModels, string? Error = null);
