using System.Globalization;
using System.Text.Json;
using OllamaSharp.Models;

namespace Router.Backends.Ollama;

/// <summary>What the router reads from OllamaSharp's answers to /api/show and /api/ps.</summary>
public static class OllamaModelFacts
{
    /// <summary>True when the model reports the capability ("insert" for fill-in-the-middle, "vision", "tools", ...).</summary>
    public static bool HasCapability(ShowModelResponse show, string capability)
    {
        ArgumentNullException.ThrowIfNull(show);
        return show.Capabilities?.Contains(capability, StringComparer.OrdinalIgnoreCase) ?? false;
    }

    /// <summary>The trained context length from model_info ("&lt;general.architecture&gt;.context_length"), when reported.</summary>
    public static int? ContextLength(ShowModelResponse show)
    {
        ArgumentNullException.ThrowIfNull(show);
        if (show.Info?.ExtraInfo is not { } info)
        {
            return null;
        }

        if (show.Info.Architecture is { } architecture && info.TryGetValue($"{architecture}.context_length", out object? exact) && AsInt(exact) is { } length)
        {
            return length;
        }

        return info.Where(pair => pair.Key.EndsWith(".context_length", StringComparison.Ordinal)).Select(pair => AsInt(pair.Value)).FirstOrDefault(v => v is not null);
    }

    /// <summary>The model's GGUF metadata (<c>model_info</c>) as plain values: numbers as long or double, text, booleans, and
    /// arrays as lists of those; what a pure estimate reads without knowing JSON.</summary>
    public static IReadOnlyDictionary<string, object?> ModelInfo(ShowModelResponse show)
    {
        ArgumentNullException.ThrowIfNull(show);
        Dictionary<string, object?> values = new(StringComparer.Ordinal);
        if (show.Info?.ExtraInfo is { } info)
        {
            foreach ((string key, object? value) in info)
            {
                values[key] = Plain(value);
            }
        }

        if (show.Info?.Architecture is { Length: > 0 } architecture)
        {
            values["general.architecture"] = architecture;
        }

        return values;
    }

    /// <summary>When the host will unload the model, as an instant; null when it did not say.</summary>
    public static DateTimeOffset? ExpiresAt(RunningModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.ExpiresAt == default
            ? null
            : model.ExpiresAt.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(model.ExpiresAt, TimeSpan.Zero)
                : new DateTimeOffset(model.ExpiresAt.ToUniversalTime(), TimeSpan.Zero);
    }

    private static object? Plain(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out long n) => n,
        JsonElement { ValueKind: JsonValueKind.Number } number => number.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => Plain(e)).ToList(),
        JsonElement => null,
        _ => value,
    };

    private static int? AsInt(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out int n) => n,
        int n => n,
        long n when n is >= int.MinValue and <= int.MaxValue => (int)n,
        string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) => n,
        _ => null,
    };
}
