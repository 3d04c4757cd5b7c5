// Writes Router.Core's embedded cl100k_base rank table from the Microsoft.ML.Tokenizers.Data.Cl100kBase package, so that
// the committed blob can be rebuilt and checked byte for byte. Run it through scripts/regenerate-cl100k-ranks.sh.
#:package Microsoft.ML.Tokenizers.Data.Cl100kBase

using System.IO.Compression;
using System.Reflection;

const string DataAssembly = "Microsoft.ML.Tokenizers.Data.Cl100kBase";
const string DataResource = "cl100k_base.tiktoken.deflate";
const int ExpectedTokens = 100_256;
// The settings the committed blob was made with; other settings give a valid but different file.
const int BrotliQuality = 11;
const int BrotliWindowBits = 24;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run scripts/regenerate-cl100k-ranks.cs -- OUTPUT.br");
    return 2;
}

byte[] table = RankTable(ReadTiktokenFile());
byte[] compressed = new byte[table.Length];
if (!BrotliEncoder.TryCompress(table, compressed, out int written, BrotliQuality, BrotliWindowBits))
{
    Console.Error.WriteLine("Brotli compression failed.");
    return 1;
}

File.WriteAllBytes(args[0], compressed[..written]);
Console.WriteLine($"{ExpectedTokens} tokens, {table.Length} bytes, {written} bytes compressed: {args[0]}");
return 0;

// The package's file: a "Capacity: N" line, then one base64 token a line in rank order; a line may name its rank after a
// space.
static string[] ReadTiktokenFile()
{
    Assembly data = Assembly.Load(DataAssembly);
    using Stream resource = data.GetManifestResourceStream(DataResource)
        ?? throw new InvalidOperationException($"{DataAssembly} has no resource {DataResource}.");
    using var inflated = new DeflateStream(resource, CompressionMode.Decompress);
    using var reader = new StreamReader(inflated);
    return reader.ReadToEnd().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
}

// Router.Core's format: for each rank in order, one length byte then the token's bytes.
static byte[] RankTable(string[] lines)
{
    var tokens = new SortedDictionary<int, byte[]>();
    int next = 0;
    foreach (string line in lines)
    {
        if (line.StartsWith("Capacity:", StringComparison.Ordinal))
        {
            continue;
        }

        string[] fields = line.Split(' ');
        int rank = fields.Length > 1 ? int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) : next;
        byte[] token = Convert.FromBase64String(fields[0]);
        if (token.Length is 0 or > byte.MaxValue || !tokens.TryAdd(rank, token))
        {
            throw new InvalidDataException($"Token line {line} is empty, too long or a repeated rank.");
        }

        next = rank + 1;
    }

    if (tokens.Count != ExpectedTokens || tokens.Keys.First() != 0 || tokens.Keys.Last() != ExpectedTokens - 1)
    {
        throw new InvalidDataException($"Expected ranks 0 to {ExpectedTokens - 1}, found {tokens.Count} tokens.");
    }

    using var table = new MemoryStream();
    foreach (byte[] token in tokens.Values)
    {
        table.WriteByte((byte)token.Length);
        table.Write(token);
    }

    return table.ToArray();
}
