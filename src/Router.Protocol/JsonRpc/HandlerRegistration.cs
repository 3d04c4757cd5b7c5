using System.Text.Json;

namespace Router.Protocol.JsonRpc;

/// <summary>A registered method: its ordering mode and a typed handler behind a JSON-in, result-writer-out shim.</summary>
internal sealed record HandlerRegistration(
    bool IsRequest,
    HandlerMode Mode,
    Func<JsonElement?, CancellationToken, ValueTask<Action<Utf8JsonWriter>>> Invoke);
