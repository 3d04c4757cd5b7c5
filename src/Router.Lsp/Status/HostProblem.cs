namespace Router.Lsp.Status;

/// <summary>Something wrong on a host that the user can fix: the host not answering, or a model it does not have.</summary>
/// <param name="Key">Identifies the problem across requests, whatever the wording of each attempt ("down|gpu-box").</param>
/// <param name="Model">The missing model; null when the host itself is the problem.</param>
/// <param name="Reason">The first attempt's reason, in words.</param>
internal sealed record HostProblem(string Key, string Endpoint, string? Model, string Reason);
