using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Router.Gateway.Wire;

/// <summary>One request shape of one API (OpenAI chat, Anthropic messages, Ollama generate, …): how its body becomes a
/// <see cref="GatewayAsk"/> and how an answer goes back, whole or streamed. It only translates; the gateway's exchange
/// does everything else the same way for all of them.</summary>
internal abstract class ApiDialect
{
    public abstract ApiFamily Family { get; }

    /// <summary>False for Ollama's routes, whose clients (and curl -d) often send no JSON content type.</summary>
    public virtual bool RequiresJsonContentType => true;

    /// <summary>The content type of a streamed reply.</summary>
    public virtual string StreamContentType => "text/event-stream";

    /// <summary>The request, or a <see cref="GatewayException"/> (400) naming the field that is wrong.</summary>
    public abstract GatewayAsk Read(JsonElement body);

    public abstract AnswerStream OpenStream(HttpResponse response, AnswerHead head, GatewayAsk ask);

    /// <summary>The whole answer as one JSON body.</summary>
    public abstract void WriteWhole(Utf8JsonWriter json, AnswerHead head, string text, AnswerTail tail);
}
