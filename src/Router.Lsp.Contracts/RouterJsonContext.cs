using System.Text.Json.Serialization;

namespace Router.Lsp.Contracts;

/// <summary>The source-generated serializer context of Router's own messages: its notifications, command arguments and
/// command results. Same options as the base protocol's LspJsonContext, so both write the same wire shapes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CompletionTraceParams))]
[JsonSerializable(typeof(RouterStatusParams))]
[JsonSerializable(typeof(RouterAnswerParams))]
[JsonSerializable(typeof(RouterSelectionArguments))]
[JsonSerializable(typeof(RouterAskArguments))]
[JsonSerializable(typeof(RouterAnswerStarted))]
[JsonSerializable(typeof(RouterRefactorResult))]
[JsonSerializable(typeof(RouterDecisionsResult))]
[JsonSerializable(typeof(RouterDoctorResult))]
[JsonSerializable(typeof(RouterConfigShowResult))]
[JsonSerializable(typeof(RouterCompletionAcceptedArguments))]
[JsonSerializable(typeof(RouterUsageReportArguments))]
[JsonSerializable(typeof(RouterUsageReportResult))]
public sealed partial class RouterJsonContext : JsonSerializerContext;
