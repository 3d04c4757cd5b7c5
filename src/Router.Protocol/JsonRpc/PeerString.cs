using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Router.Protocol.JsonRpc;

/// <summary>Reads a JSON string sent by the peer without trusting it. System.Text.Json accepts a string that is not valid
/// UTF-8, or whose escapes decode to a lone surrogate (<c>"\ud800"</c>), and throws only when it is read: neither may
/// end the connection.</summary>
internal static class PeerString
{
    /// <summary>Reads a string element. Returns null when it was read, otherwise the error that answers it: ParseError for
    /// bytes that are not UTF-8 (JSON text must be UTF-8), InvalidRequest for escapes that decode to a lone surrogate.</summary>
    /// <param name="what">Names the string in the error message, e.g. "The method"; the content itself is never quoted.</param>
    public static JsonRpcError? TryRead(JsonElement element, string what, out string text)
    {
        text = string.Empty;
        if (element.ValueKind != JsonValueKind.String)
        {
            return new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, $"{what} must be a string.");
        }

        if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(element)))
        {
            return new JsonRpcError(JsonRpcErrorCodes.ParseError, $"Parse error: {what} is not valid UTF-8.");
        }

        try
        {
            text = element.GetString()!;
            return null;
        }
        catch (InvalidOperationException)
        {
            return new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, $"{what} is not valid Unicode: it has a lone surrogate.");
        }
    }
}
