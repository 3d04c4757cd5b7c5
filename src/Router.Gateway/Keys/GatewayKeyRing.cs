using System.Security.Cryptography;
using System.Text;

namespace Router.Gateway.Keys;

/// <summary>The keys a gateway accepts, found by the hash of the key a client presents.</summary>
public sealed class GatewayKeyRing
{
    private readonly Dictionary<string, GatewayKey> _byHash;

    public GatewayKeyRing(IEnumerable<GatewayKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _byHash = keys.ToDictionary(key => key.Hash.ToLowerInvariant(), StringComparer.Ordinal);
    }

    public int Count => _byHash.Count;

    public IEnumerable<GatewayKey> Keys => _byHash.Values;

    /// <summary>The key whose hash is the presented key's; null when none is.</summary>
    public GatewayKey? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        return _byHash.GetValueOrDefault(KeyHash.Prefix + Convert.ToHexStringLower(digest));
    }
}
