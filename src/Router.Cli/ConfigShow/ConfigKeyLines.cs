using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Router.Cli.ConfigShow;

/// <summary>The line of every mapping key in a router.yaml, by its dotted path ("tiers.code.model" → 12).</summary>
/// <remarks>Read only after the loader has accepted the same text, so its size, depth and aliases are already bounded.</remarks>
internal static class ConfigKeyLines
{
    public static IReadOnlyDictionary<string, long> Read(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<DocumentStart>(out _))
        {
            Node(parser, "", lines);
        }

        return lines;
    }

    private static void Node(IParser parser, string prefix, Dictionary<string, long> lines)
    {
        if (parser.TryConsume<MappingStart>(out _))
        {
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Accept<Scalar>(out var key))
                {
                    parser.MoveNext();
                    var path = prefix + key.Value;
                    lines.TryAdd(path, key.Start.Line);
                    Node(parser, path + ".", lines);
                }
                else
                {
                    // A complex key: its value has no dotted path.
                    Node(parser, "\0", lines);
                    Node(parser, "\0", lines);
                }
            }
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                Node(parser, "\0", lines);
            }
        }
        else
        {
            parser.MoveNext();
        }
    }
}
