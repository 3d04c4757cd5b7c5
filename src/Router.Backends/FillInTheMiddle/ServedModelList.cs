namespace Router.Backends.FillInTheMiddle;

/// <summary>GET /v1/models, only as far as it tells which server answers.</summary>
internal sealed record ServedModelList(IReadOnlyList<ServedModel>? Data);
