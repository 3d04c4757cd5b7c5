using System.Text;
using static Router.Lsp.Tests.Fuzzing.FuzzNode;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>Makes hostile frames from a seeded <see cref="Random"/>: valid messages, byte-level mutations of them, structure-aware
/// mutations (wrong types for any field, missing and repeated fields, hostile keys, Unicode edge cases, huge numbers, deep
/// nesting, sizes), and framing junk the reader must recover from before the next frame.</summary>
internal sealed class FrameFuzzer(int seed)
{
    // Words a mutation must never produce: the fuzzer drives the lifecycle and the probes itself, and a junk frame that
    // happened to be a valid `exit` or a cancel of a probe would make the oracle wrong, not the server.
    private static readonly byte[][] Reserved = [.. new[] { "initialize", "shutdown", "exit", "probe", "\"router\"" }.Select(Encoding.UTF8.GetBytes)];

    private static readonly string[] EnvelopeKeys = ["jsonrpc", "id", "method", "params"];

    private static readonly byte[] Interesting = [0x00, 0xFF, 0xC0, 0x80, 0xED, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'\n', (byte)'u'];

    private readonly Random _random = new(seed);

    /// <summary>How many frames of each kind were made.</summary>
    public Dictionary<string, int> Made { get; } = new(StringComparer.Ordinal);

    /// <summary>The next bytes to write: one frame, or framing junk followed by nothing (the next frame must survive it).</summary>
    public byte[] Next()
    {
        while (true)
        {
            (string kind, byte[] bytes) = _random.Next(20) switch
            {
                < 5 => ("valid", Frame(Seed().ToBytes())),
                < 11 => ("structure", Frame(MutateStructure(Seed()).ToBytes())),
                < 17 => ("bytes", Frame(MutateBytes(Seed().ToBytes()))),
                _ => ("framing", FramingJunk(Seed().ToBytes())),
            };
            if (Reserved.Any(word => bytes.AsSpan().IndexOf(word) >= 0))
            {
                continue;
            }

            Made[kind] = Made.GetValueOrDefault(kind) + 1;
            return bytes;
        }
    }

    /// <summary>An <c>initialize</c> request, valid or mutated, framed; for a fresh server each time.</summary>
    public byte[] NextInitialize()
    {
        while (true)
        {
            FuzzNode initialize = FuzzSeeds.Initialize(_random);
            byte[] body = _random.Next(10) switch
            {
                < 2 => initialize.ToBytes(),
                < 7 => MutateStructure(initialize).ToBytes(),
                _ => MutateBytes(initialize.ToBytes()),
            };

            // Only the lifecycle words that would end or shut the server are kept out here.
            if (!Reserved.Skip(1).Any(word => body.AsSpan().IndexOf(word) >= 0))
            {
                Made["initialize"] = Made.GetValueOrDefault("initialize") + 1;
                return Frame(body);
            }
        }
    }

    /// <summary>Splits <paramref name="bytes"/> into the pieces it is written in: mostly whole, sometimes byte by byte.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Pieces(byte[] bytes)
    {
        int mode = _random.Next(10);
        if (mode < 7 || bytes.Length < 2)
        {
            yield return bytes;
            yield break;
        }

        int at = 0;
        while (at < bytes.Length)
        {
            int size = mode == 9 && bytes.Length < 300 ? 1 : _random.Next(1, Math.Max(2, bytes.Length / 2));
            size = Math.Min(size, bytes.Length - at);
            yield return bytes.AsMemory(at, size);
            at += size;
        }
    }

    public static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    private FuzzNode Seed()
    {
        // Ids from a small range, numbers and strings, so requests in flight share ids now and then.
        long id = _random.Next(0, 64);
        FuzzNode seed = FuzzSeeds.Next(_random, id);
        if (_random.Next(4) == 0 && seed.Fields!.FindIndex(field => Key(field.Key) == "id") is var at and >= 0)
        {
            seed.Fields[at] = new(seed.Fields[at].Key, Text("r" + id));
        }

        return seed;
    }

    private FuzzNode MutateStructure(FuzzNode message)
    {
        int mutations = _random.Next(1, 4);
        for (int i = 0; i < mutations; i++)
        {
            switch (_random.Next(8))
            {
                case 0 or 1:
                    ReplaceEnvelopeField(message);
                    break;
                case 2 or 3:
                    ReplaceSomewhere(message);
                    break;
                case 4:
                    RemoveSomewhere(message);
                    break;
                case 5:
                    AddOrRepeatField(message);
                    break;
                case 6:
                    HostileKey(message);
                    break;
                default:
                    return _random.Next(3) switch
                    {
                        0 => Array(message, message.Clone()),
                        1 => Array(),
                        _ => HostileValues.Next(_random),
                    };
            }
        }

        return message;
    }

    private void ReplaceEnvelopeField(FuzzNode message)
    {
        string key = EnvelopeKeys[_random.Next(EnvelopeKeys.Length)];
        int at = message.Fields!.FindIndex(field => Key(field.Key) == key);
        KeyValuePair<byte[], FuzzNode> replaced = new(Encoding.UTF8.GetBytes(key), HostileValues.Next(_random));
        if (at >= 0)
        {
            message.Fields[at] = replaced;
        }
        else
        {
            message.Fields.Add(replaced);
        }
    }

    private void ReplaceSomewhere(FuzzNode message)
    {
        FuzzNode container = PickContainer(message);
        if (container.Fields is { Count: > 0 } fields)
        {
            int at = _random.Next(fields.Count);
            fields[at] = new(fields[at].Key, HostileValues.Next(_random));
        }
        else if (container.Items is { Count: > 0 } items)
        {
            items[_random.Next(items.Count)] = HostileValues.Next(_random);
        }
    }

    private void RemoveSomewhere(FuzzNode message)
    {
        FuzzNode container = PickContainer(message);
        if (container.Fields is { Count: > 0 } fields)
        {
            fields.RemoveAt(_random.Next(fields.Count));
        }
        else if (container.Items is { Count: > 0 } items)
        {
            items.RemoveAt(_random.Next(items.Count));
        }
    }

    private void AddOrRepeatField(FuzzNode message)
    {
        FuzzNode container = PickContainer(message);
        if (container.Fields is not { } fields)
        {
            container.Items!.Add(HostileValues.Next(_random));
            return;
        }

        fields.Add(fields.Count > 0 && _random.Next(2) == 0
            ? new(fields[_random.Next(fields.Count)].Key, HostileValues.Next(_random))
            : new("unexpected"u8.ToArray(), HostileValues.Next(_random)));
    }

    private void HostileKey(FuzzNode message)
    {
        FuzzNode container = PickContainer(message);
        if (container.Fields is { Count: > 0 } fields)
        {
            int at = _random.Next(fields.Count);
            byte[] key = _random.Next(2) == 0 ? [.. fields[at].Key, .. HostileValues.NotUtf8Bytes(_random)] : "\\ud800"u8.ToArray();
            fields[at] = new(key, fields[at].Value);
        }
    }

    private FuzzNode PickContainer(FuzzNode message)
    {
        List<FuzzNode> containers = [.. message.Containers()];
        return containers[_random.Next(containers.Count)];
    }

    private byte[] MutateBytes(byte[] body)
    {
        List<byte> bytes = [.. body];
        int mutations = _random.Next(1, 6);
        for (int i = 0; i < mutations && bytes.Count > 0; i++)
        {
            int at = _random.Next(bytes.Count);
            switch (_random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    bytes[at] = Interesting[_random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.InsertRange(at, HostileValues.NotUtf8Bytes(_random));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(_random.Next(1, 16), bytes.Count - at));
                    break;
                case 4:
                    int length = Math.Min(_random.Next(1, 32), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    // Splice: the head of this message and the tail of another.
                    byte[] other = Seed().ToBytes();
                    int from = _random.Next(other.Length);
                    bytes.RemoveRange(at, bytes.Count - at);
                    bytes.AddRange(other.AsSpan(from).ToArray());
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Framing the reader must report and recover from, so that the next frame is still served.</summary>
    private byte[] FramingJunk(byte[] body)
    {
        string length = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        byte[] Headed(string headers, byte[] content) => [.. Encoding.Latin1.GetBytes(headers), .. content];
        switch (_random.Next(12))
        {
            case 0:
                byte[] junk = new byte[_random.Next(1, 200)];
                _random.NextBytes(junk);
                return junk;
            case 1:
                return Headed($"Content-Lenght: {length}\r\n\r\n", body);
            case 2:
                string[] lengths = ["abc", "-5", "+5", "5.0", "0x10", "99999999999999999999999", "", " ", "1 2"];
                return Headed($"Content-Length: {lengths[_random.Next(lengths.Length)]}\r\n\r\n", body);
            case 3:
                return Headed($"Content-Length: {length}\n\n", body);
            case 4:
                int shorter = _random.Next(0, body.Length);
                return Headed($"Content-Length: {shorter}\r\n\r\n", body);
            case 5:
                int padding = _random.Next(1, 64);
                return Headed($"Content-Length: {body.Length + padding}\r\n\r\n", [.. body, .. Enumerable.Repeat((byte)'x', padding)]);
            case 6:
                return Headed($"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: {length}\r\n\r\n", body);
            case 7:
                return Headed($"X-Long: {new string('a', _random.Next(100, 20_000))}\r\nContent-Length: {length}\r\n\r\n", body);
            case 8:
                return Headed("Content-Length: 0\r\n\r\n", []);
            case 9:
                return Headed($"Content-Length:   {length}   \r\nContent-Length: {length}\r\n\r\n", body);
            case 10:
                return Headed($"no colon here\r\nContent-Length: {length}\r\n\r\n", body);
            default:
                return Headed($"X-Binary: \u00ff\u00fe\r\nContent-Length: {length}\r\n\r\n", body);
        }
    }

    private static string Key(byte[] key) => Encoding.UTF8.GetString(key);
}
