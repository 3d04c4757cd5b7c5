namespace Router.Backends.FillInTheMiddle;

/// <summary>One model of GET /v1/models; servers name themselves in <c>owned_by</c> ("vllm", "sglang", "llamacpp").</summary>
internal sealed record ServedModel(string? Id, string? OwnedBy);
