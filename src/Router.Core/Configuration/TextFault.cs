namespace Router.Core.Configuration;

/// <summary>The first character or byte of a file that YAML does not allow, and the line it is on.</summary>
internal sealed record TextFault(long Line, string Message);
