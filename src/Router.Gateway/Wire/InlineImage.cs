using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>An image sent inline as base64, as the router passes it on: its bytes and media type. The gateway fetches nothing,
/// so an image is always its bytes.</summary>
internal static class InlineImage
{
    /// <summary>The media types every API shape takes for images.</summary>
    public static readonly IReadOnlySet<string> MediaTypes = new HashSet<string>(StringComparer.Ordinal) { "image/png", "image/jpeg", "image/gif", "image/webp" };

    /// <summary>The image in <paramref name="base64"/> (a data URL's base64 part is taken too); its media type is the one given,
    /// else read from its first bytes. 400 naming <paramref name="field"/> for text that is not base64 or bytes that are no image.</summary>
    public static DataContent FromBase64(string base64, string? mediaType, string field)
    {
        string data = base64.StartsWith("data:", StringComparison.Ordinal) && base64.IndexOf(";base64,", StringComparison.Ordinal) is > 0 and int comma
            ? base64[(comma + ";base64,".Length)..]
            : base64;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            throw FieldError.At(field, "is not base64 image data");
        }

        if (bytes.Length == 0)
        {
            throw FieldError.At(field, "is empty");
        }

        string type = mediaType ?? MediaTypeOf(bytes) ?? throw FieldError.At(field, "is not a PNG, JPEG, GIF or WebP image");
        return new DataContent(bytes, type);
    }

    /// <summary>Ollama's <c>images</c>: a list of base64 strings, each image's media type read from its bytes.</summary>
    public static List<DataContent> Ollama(JsonElement owner, string at)
    {
        List<DataContent> images = [];
        foreach (JsonElement image in FieldError.List(owner, "images", at))
        {
            string field = string.Create(CultureInfo.InvariantCulture, $"{at}[{images.Count}]");
            images.Add(FromBase64(image.ValueKind == JsonValueKind.String ? image.GetString()! : throw FieldError.At(field, "must be a base64 string"), null, field));
        }

        return images;
    }

    /// <summary>The media type the bytes' magic number says, or null for anything but PNG, JPEG, GIF and WebP.</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ? "image/gif"
        : bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
