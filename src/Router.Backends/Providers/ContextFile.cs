namespace Router.Backends.Providers;

/// <summary>Another open file the model may read: its path as the editor shows it and the part of its text quoted.</summary>
public sealed record ContextFile(string Name, string Text);
