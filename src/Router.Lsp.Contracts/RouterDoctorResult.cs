namespace Router.Lsp.Contracts;

/// <summary>Result of <c>router.doctor</c>: the hosts' state as markdown.</summary>
public sealed record RouterDoctorResult(string Text);
