using System.Text.Json;
using System.Text.Json.Serialization;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Protocol;

/// <summary>The one source-generated serializer context listing every wire type of JSON-RPC and the LSP base protocol;
/// a server's own messages are listed in a context of their own.
/// Required constructor parameters and nullable annotations are enforced, so a message missing a required field
/// is an InvalidParams error instead of a half-filled object reaching a handler.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(IReadOnlyList<JsonElement>))]
[JsonSerializable(typeof(CancelParams))]
[JsonSerializable(typeof(JsonRpcError))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(InitializedParams))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(InlineCompletionParams))]
[JsonSerializable(typeof(InlineCompletionList))]
[JsonSerializable(typeof(InlineCompletionItem))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(ShowMessageParams))]
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(WorkDoneProgressCancelParams))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressBegin>))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressReport>))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressEnd>))]
[JsonSerializable(typeof(ProgressParams<JsonElement>))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(Position))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(TextDocumentEdit))]
[JsonSerializable(typeof(CreateFile))]
public sealed partial class LspJsonContext : JsonSerializerContext;
