using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OllamaSharp;
using OllamaSharp.Models;
using Router.Core.Redaction;

namespace Router.Backends.Ollama;

/// <summary>OllamaSharp's client with what the router needs on top: a cancelled call closes its HTTP response at once
/// (OllamaSharp reads streamed lines without the token, so a cancel would otherwise wait for the host's next line), and a
/// whole answer that breaks off or is not JSON fails as such rather than as a parse error deep in OllamaSharp.</summary>
internal sealed class ClosingOllamaApiClient : OllamaApiClient
{
    public ClosingOllamaApiClient(HttpClient http)
        : base(http)
    {
        OutgoingJsonSerializerOptions.TypeInfoResolver = OllamaWireContract.Outgoing;
        IncomingJsonSerializerOptions.TypeInfoResolver = OllamaWireContract.Incoming;
    }

    protected override async Task<HttpResponseMessage> SendToOllamaAsync(
        HttpRequestMessage requestMessage, OllamaRequest? ollamaRequest, HttpCompletionOption completionOption, CancellationToken cancellationToken)
    {
        // Headers only: the body is read under the cancel registration below, whether it is streamed or not.
        HttpResponseMessage response = await base.SendToOllamaAsync(requestMessage, ollamaRequest, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (cancellationToken.CanBeCanceled)
        {
            response.Content = new CancelClosingContent(response.Content, cancellationToken);
        }

        if (completionOption == HttpCompletionOption.ResponseHeadersRead)
        {
            return response;
        }

        using (response)
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            CheckWhole(body, requestMessage.RequestUri);
            HttpResponseMessage whole = new(response.StatusCode) { RequestMessage = response.RequestMessage, Content = new ByteArrayContent(OnOneLine(body)) };
            whole.Content.Headers.ContentType = response.Content.Headers.ContentType ?? new MediaTypeHeaderValue("application/json");
            return whole;
        }
    }

    /// <summary>Throws for a body that is not JSON (a proxy's page served with 200) or that is the start of JSON never ended
    /// (a host that died while writing).</summary>
    private static void CheckWhole(byte[] body, Uri? address)
    {
        string path = address?.AbsolutePath ?? "the host";
        ReadOnlySpan<byte> text = body.AsSpan().Trim(" \t\r\n"u8);
        if (text.Length > 0 && text[0] != (byte)'{' && text[0] != (byte)'[')
        {
            throw new JsonException($"{path} answered something that is not Ollama's JSON: {OutwardRedactor.Default.HostErrorBody(Encoding.UTF8.GetString(text))}");
        }

        if (IsTruncatedJson(text))
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"the answer from {path} ended in the middle of its JSON");
        }
    }

    /// <summary>The one JSON value of a whole answer, written on one line: OllamaSharp reads /api/generate and /api/chat line by
    /// line even when not streaming, so an answer a proxy pretty-printed would otherwise fail to parse.</summary>
    private static byte[] OnOneLine(byte[] body)
    {
        if (body.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            return body;
        }

        using JsonDocument document = JsonDocument.Parse(body);
        ArrayBufferWriter<byte> compact = new(body.Length);
        using (Utf8JsonWriter writer = new(compact, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return compact.WrittenSpan.ToArray();
    }

    /// <summary>True when the text is empty or the valid beginning of a JSON value that never ends.</summary>
    private static bool IsTruncatedJson(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        Utf8JsonReader reader = new(text, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
            }

            return reader.CurrentDepth > 0 || reader.BytesConsumed < text.Length;
        }
        catch (JsonException)
        {
            // Not a truncation but bad JSON: OllamaSharp's parse reports it.
            return false;
        }
    }
}
