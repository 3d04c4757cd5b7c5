using System.Globalization;
using Router.Core.Configuration;
using Router.Core.Requests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Router.Gateway.Keys;

/// <summary>Reads a keys file (YAML, or JSON, which YAML reads too): a list under <c>keys</c> of name, hash, tiers, dailyUsd
/// and requestsPerMinute. Every problem is a diagnostic naming the file, line and key, as router.yaml's are.</summary>
public static class GatewayKeyFile
{
    /// <summary>A keys file is a few kilobytes; anything far larger is a mistake (a wrong path).</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly HashSet<string> Fields = ["name", "hash", "tiers", "dailyUsd", "requestsPerMinute"];

    /// <summary>The key ring, or null with at least one error diagnostic.</summary>
    public static (GatewayKeyRing? Ring, IReadOnlyList<ConfigDiagnostic> Diagnostics) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            FileInfo info = new(path);
            if (info.Exists && info.Length > MaxBytes)
            {
                return (null, [Error(path, 0, "", $"the file is {info.Length} bytes; a keys file is at most {MaxBytes}")]);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [Error(path, 0, "", "cannot read the keys file: " + e.Message)]);
        }

        return Parse(text, path);
    }

    /// <summary>As <see cref="Load"/>, from text already read; <paramref name="file"/> names it in diagnostics.</summary>
    public static (GatewayKeyRing? Ring, IReadOnlyList<ConfigDiagnostic> Diagnostics) Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<ConfigDiagnostic> problems = [];
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (null, [Error(file, e.Start.Line, "", "not valid YAML or JSON: " + e.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("keys"), out YamlNode? list))
        {
            return (null, [Error(file, 1, "keys", "the file must hold 'keys:', a list of keys (name, hash, tiers, dailyUsd, requestsPerMinute)")]);
        }

        foreach (KeyValuePair<YamlNode, YamlNode> entry in root.Children)
        {
            if (entry.Key is YamlScalarNode { Value: not "keys" } other)
            {
                problems.Add(Error(file, other.Start.Line, other.Value ?? "", "unknown setting; the file holds only 'keys'"));
            }
        }

        if (list is not YamlSequenceNode keys)
        {
            return (null, [.. problems, Error(file, list.Start.Line, "keys", "must be a list of keys")]);
        }

        List<GatewayKey> ring = [];
        HashSet<string> names = new(StringComparer.Ordinal);
        HashSet<string> hashes = new(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < keys.Children.Count; i++)
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"keys[{i}]");
            if (keys.Children[i] is not YamlMappingNode key)
            {
                problems.Add(Error(file, keys.Children[i].Start.Line, at, "must be a mapping: name, hash, tiers, dailyUsd, requestsPerMinute"));
                continue;
            }

            if (ReadKey(file, at, key, problems) is not { } read)
            {
                continue;
            }

            if (!names.Add(read.Name))
            {
                problems.Add(Error(file, key.Start.Line, at + ".name", $"'{read.Name}' names two keys"));
            }
            else if (!hashes.Add(read.Hash))
            {
                problems.Add(Error(file, key.Start.Line, at + ".hash", $"the same hash as another key ('{read.Name}')"));
            }
            else
            {
                ring.Add(read);
            }
        }

        return problems.Count > 0 ? (null, problems) : (new GatewayKeyRing(ring), problems);
    }

    private static GatewayKey? ReadKey(string file, string at, YamlMappingNode key, List<ConfigDiagnostic> problems)
    {
        int before = problems.Count;
        string? name = null;
        string? hash = null;
        HashSet<Tier>? tiers = null;
        double? daily = null;
        int? perMinute = null;
        foreach ((YamlNode field, YamlNode value) in key.Children)
        {
            string fieldName = (field as YamlScalarNode)?.Value ?? "";
            string path = at + "." + fieldName;
            long line = value.Start.Line;
            switch (fieldName)
            {
                case "name":
                    name = Scalar(value) is { Length: > 0 } n ? n : Fail("a name is required (it is what logs and the usage ledger show)");
                    break;
                case "hash":
                    string? given = Scalar(value);
                    hash = KeyHash.IsWellFormed(given)
                        ? given!.ToLowerInvariant()
                        : Fail("must be 'sha256:' and 64 hex digits, the hash of the key, never the key itself (make one with: router serve --hash-key)");
                    break;
                case "tiers":
                    tiers = ReadTiers(value, path, line);
                    break;
                case "dailyUsd":
                    daily = double.TryParse(Scalar(value), NumberStyles.Float, CultureInfo.InvariantCulture, out double usd) && usd >= 0 && double.IsFinite(usd)
                        ? usd
                        : FailNumber<double>("must be a number of dollars, 0 or more");
                    break;
                case "requestsPerMinute":
                    perMinute = int.TryParse(Scalar(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out int rate) && rate > 0
                        ? rate
                        : FailNumber<int>("must be a whole number above 0");
                    break;
                default:
                    problems.Add(Error(file, field.Start.Line, path, $"unknown setting; a key has {string.Join(", ", Fields)}"));
                    break;
            }

            string? Fail(string message)
            {
                problems.Add(Error(file, line, path, message));
                return null;
            }

            T? FailNumber<T>(string message)
                where T : struct
            {
                problems.Add(Error(file, line, path, message));
                return null;
            }
        }

        if (name is null && problems.Count == before)
        {
            problems.Add(Error(file, key.Start.Line, at + ".name", "a name is required"));
        }

        if (hash is null && problems.Count == before)
        {
            problems.Add(Error(file, key.Start.Line, at + ".hash", "a hash is required (make one with: router serve --hash-key)"));
        }

        return problems.Count == before ? new GatewayKey(name!, hash!, tiers, daily, perMinute) : null;

        HashSet<Tier>? ReadTiers(YamlNode value, string path, long line)
        {
            if (value is not YamlSequenceNode items)
            {
                problems.Add(Error(file, line, path, $"must be a list of tiers ({TierNames.Listing})"));
                return null;
            }

            HashSet<Tier> found = [];
            for (int i = 0; i < items.Children.Count; i++)
            {
                string? tierName = Scalar(items.Children[i]);
                if (TierNames.TryParse(tierName, out Tier? tier))
                {
                    found.Add(tier.Value);
                }
                else
                {
                    problems.Add(Error(file, items.Children[i].Start.Line, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"),
                        $"unknown tier '{tierName}' ({TierNames.Listing})"));
                }
            }

            return found;
        }
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value?.Trim();

    private static ConfigDiagnostic Error(string file, long line, string key, string message) =>
        new(ConfigSeverity.Error, file, line, key, message);
}
