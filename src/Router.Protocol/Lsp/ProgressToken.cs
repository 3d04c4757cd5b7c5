using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Protocol.Lsp;

/// <summary>A <c>$/progress</c> token: an integer or a string, sent back exactly as the client gave it.</summary>
[JsonConverter(typeof(ProgressTokenConverter))]
public readonly record struct ProgressToken
{
    public ProgressToken(long number)
    {
        Number = number;
    }

    public ProgressToken(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    public long? Number { get; }

    public string? Text { get; }

    public static implicit operator ProgressToken(string text) => FromString(text);

    public static ProgressToken FromString(string text) => new(text);

    /// <summary>The token in a JSON value (an integer or a string), as <c>workDoneToken</c> carries it; null for anything else.</summary>
    public static ProgressToken? From(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } text => new ProgressToken(text.GetString()!),
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out long n) => new ProgressToken(n),
        _ => default(ProgressToken?),
    };

    public override string ToString() => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}
