namespace Router.Protocol.Lsp;

/// <summary>What to do when a file to create exists already.</summary>
public sealed record CreateFileOptions(bool? Overwrite = null, bool? IgnoreIfExists = null);
