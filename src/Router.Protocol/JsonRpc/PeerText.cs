using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Router.Protocol.JsonRpc;

/// <summary>Checks that all the text of a message from the peer can be read before anything reads it. System.Text.Json
/// parses bytes that are not UTF-8 and escapes that decode to a lone surrogate (<c>"\ud800"</c>), then throws when such a
/// string is read, or even when a member is looked up by name past such a key; no handler may meet one.</summary>
internal static class PeerText
{
    private static ReadOnlySpan<byte> UnicodeEscape => "\\u"u8;

    /// <summary>Returns null when every key and string of the message is readable text, otherwise the error that answers the
    /// message: ParseError when the bytes are not UTF-8 (JSON text must be), InvalidRequest for a lone surrogate. The error
    /// names the envelope member where the problem is, never the content.</summary>
    public static JsonRpcError? FindUnreadable(ReadOnlySpan<byte> body, JsonElement root)
    {
        if (!Utf8.IsValid(body))
        {
            string where = root.ValueKind == JsonValueKind.Object ? MemberWhere(root, static value => !Utf8.IsValid(value)) : "the message";
            return new JsonRpcError(JsonRpcErrorCodes.ParseError, $"Parse error: {where} is not valid UTF-8.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return HasLoneSurrogate(root) ? new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "The message is not valid Unicode: it has a lone surrogate.") : null;
        }

        foreach (JsonProperty member in root.EnumerateObject())
        {
            if (!IsReadableName(member))
            {
                return new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "A member name of the message is not valid Unicode: it has a lone surrogate.");
            }

            if (HasLoneSurrogate(member.Value))
            {
                string where = Describe(member);
                return new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, $"{char.ToUpperInvariant(where[0])}{where[1..]} is not valid Unicode: it has a lone surrogate.");
            }
        }

        return null;
    }

    /// <summary>Finds a member of an object by its name as written, without decoding any other name (which may throw).</summary>
    public static bool TryGetMember(JsonElement message, ReadOnlySpan<byte> name, out JsonElement value)
    {
        value = default;
        if (message.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (JsonProperty member in message.EnumerateObject())
        {
            if (JsonMarshal.GetRawUtf8PropertyName(member).SequenceEqual(name))
            {
                value = member.Value;
                return true;
            }
        }

        return false;
    }

    private static string MemberWhere(JsonElement root, Func<ReadOnlySpan<byte>, bool> isBad)
    {
        foreach (JsonProperty member in root.EnumerateObject())
        {
            if (isBad(JsonMarshal.GetRawUtf8PropertyName(member)))
            {
                return "a member name of the message";
            }

            if (isBad(JsonMarshal.GetRawUtf8Value(member.Value)))
            {
                return Describe(member);
            }
        }

        return "the message";
    }

    private static string Describe(JsonProperty member)
    {
        ReadOnlySpan<byte> name = JsonMarshal.GetRawUtf8PropertyName(member);
        return name.SequenceEqual("id"u8) ? "the id"
            : name.SequenceEqual("method"u8) ? "the method"
            : name.SequenceEqual("jsonrpc"u8) ? "the jsonrpc member"
            : name.SequenceEqual("params"u8) ? "a string in params"
            : name.SequenceEqual("result"u8) ? "a string in the result"
            : name.SequenceEqual("error"u8) ? "a string in the error"
            : "a member of the message";
    }

    private static bool HasLoneSurrogate(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return !IsReadable(element);
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (HasLoneSurrogate(item))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Object:
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    if (!IsReadableName(member) || HasLoneSurrogate(member.Value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // Only an escape can make a lone surrogate once the bytes are valid UTF-8, so most strings are never decoded here.
    private static bool IsReadable(JsonElement text)
    {
        if (JsonMarshal.GetRawUtf8Value(text).IndexOf(UnicodeEscape) < 0)
        {
            return true;
        }

        try
        {
            _ = text.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsReadableName(JsonProperty member)
    {
        if (JsonMarshal.GetRawUtf8PropertyName(member).IndexOf(UnicodeEscape) < 0)
        {
            return true;
        }

        try
        {
            _ = member.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
