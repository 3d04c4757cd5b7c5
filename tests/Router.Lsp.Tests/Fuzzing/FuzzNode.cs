using System.Text;
using System.Text.Json;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>A JSON value the fuzzer builds and then breaks: an object, an array, or bytes written exactly as they are, so a
/// value (or a key) can be anything the wire can carry — invalid UTF-8 and lone-surrogate escapes included.</summary>
internal sealed class FuzzNode
{
    private FuzzNode(List<KeyValuePair<byte[], FuzzNode>>? fields, List<FuzzNode>? items, byte[]? raw)
    {
        Fields = fields;
        Items = items;
        RawBytes = raw;
    }

    /// <summary>Set for an object: its keys (the bytes between the quotes) and values, in order, duplicates allowed.</summary>
    public List<KeyValuePair<byte[], FuzzNode>>? Fields { get; }

    public List<FuzzNode>? Items { get; }

    public byte[]? RawBytes { get; }

    public static FuzzNode Object(params (string Key, FuzzNode Value)[] fields) =>
        new([.. fields.Select(field => new KeyValuePair<byte[], FuzzNode>(Encoding.UTF8.GetBytes(field.Key), field.Value))], null, null);

    public static FuzzNode Array(params FuzzNode[] items) => new(null, [.. items], null);

    /// <summary>Bytes written as they are, valid JSON or not.</summary>
    public static FuzzNode Raw(byte[] bytes) => new(null, null, bytes);

    public static FuzzNode Json(string json) => Raw(Encoding.UTF8.GetBytes(json));

    /// <summary>A well-formed JSON string holding <paramref name="text"/>.</summary>
    public static FuzzNode Text(string text) => Raw(JsonSerializer.SerializeToUtf8Bytes(text));

    public static FuzzNode Number(long number) => Json(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public FuzzNode Clone() => new(
        Fields?.Select(field => new KeyValuePair<byte[], FuzzNode>(field.Key, field.Value.Clone())).ToList(),
        Items?.Select(item => item.Clone()).ToList(),
        RawBytes);

    /// <summary>This node and every object or array inside it: the places a mutation can change.</summary>
    public IEnumerable<FuzzNode> Containers()
    {
        if (Fields is not null || Items is not null)
        {
            yield return this;
        }

        foreach (FuzzNode child in Fields?.Select(field => field.Value) ?? Items ?? [])
        {
            foreach (FuzzNode inner in child.Containers())
            {
                yield return inner;
            }
        }
    }

    public byte[] ToBytes()
    {
        List<byte> output = [];
        WriteTo(output);
        return [.. output];
    }

    private void WriteTo(List<byte> output)
    {
        if (RawBytes is not null)
        {
            output.AddRange(RawBytes);
            return;
        }

        if (Fields is not null)
        {
            output.Add((byte)'{');
            for (int i = 0; i < Fields.Count; i++)
            {
                if (i > 0)
                {
                    output.Add((byte)',');
                }

                output.Add((byte)'"');
                output.AddRange(Fields[i].Key);
                output.AddRange("\":"u8.ToArray());
                Fields[i].Value.WriteTo(output);
            }

            output.Add((byte)'}');
            return;
        }

        output.Add((byte)'[');
        for (int i = 0; i < Items!.Count; i++)
        {
            if (i > 0)
            {
                output.Add((byte)',');
            }

            Items[i].WriteTo(output);
        }

        output.Add((byte)']');
    }
}
