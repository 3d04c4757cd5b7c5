using System.Text.Json.Serialization.Metadata;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;
using OllamaSharp.Models.Exceptions;

namespace Router.Backends.Ollama;

/// <summary>The JSON contracts OllamaSharp is given: its own types through <see cref="OllamaWireContext"/>, with the two
/// things its defaults get wrong for Ollama's wire fixed on top.</summary>
internal static class OllamaWireContract
{
    /// <summary>For requests: keep_alive goes out as Ollama parses it (see <see cref="KeepAliveJsonConverter"/>).</summary>
    public static IJsonTypeInfoResolver Outgoing { get; } = OllamaWireContext.Default.WithAddedModifier(KeepAliveAsNumberWhenNumeric);

    /// <summary>For answers: a streamed line carrying <c>{"error": …}</c> throws <see cref="ResponseError"/> as it is read.
    /// OllamaSharp reads such a line from /api/generate and /api/chat as an empty chunk and goes on.</summary>
    public static IJsonTypeInfoResolver Incoming { get; } = OllamaWireContext.Default.WithAddedModifier(ErrorLineThrows);

    private static void KeepAliveAsNumberWhenNumeric(JsonTypeInfo type)
    {
        if (type.Type != typeof(GenerateRequest) && type.Type != typeof(ChatRequest))
        {
            return;
        }

        foreach (JsonPropertyInfo property in type.Properties)
        {
            if (property.Name == "keep_alive")
            {
                property.CustomConverter = new KeepAliveJsonConverter();
            }
        }
    }

    private static void ErrorLineThrows(JsonTypeInfo type)
    {
        if (!typeof(GenerateResponseStream).IsAssignableFrom(type.Type) && !typeof(ChatResponseStream).IsAssignableFrom(type.Type))
        {
            return;
        }

        // Made through the metadata services that source generation uses, so no reflection is needed (trimming, NativeAOT).
        JsonPropertyInfo error = JsonMetadataServices.CreatePropertyInfo(type.Options, new JsonPropertyInfoValues<string?>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = type.Type,
            PropertyName = "Error",
            JsonPropertyName = "error",
            Converter = JsonMetadataServices.StringConverter,
            Setter = static (_, message) => throw new ResponseError(message ?? "(no message)"),
        });
        type.Properties.Add(error);
    }
}
