using Router.Core.Configuration;

namespace Router.Backends.FillInTheMiddle;

/// <summary>The fill-in-the-middle mode used for one model on one endpoint, and how it was found, in words for
/// <c>router doctor</c> and the log ("set in router.yaml", "GET /v1/models: owned_by vllm").</summary>
public sealed record FillInTheMiddleChoice(FillInTheMiddleMode Mode, string HowFound);
