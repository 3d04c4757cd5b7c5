using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>Source-generated reading of the human-written profile file: camelCase, comments and trailing commas allowed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ProfileFileBody))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
