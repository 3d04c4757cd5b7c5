using System.Collections.Concurrent;

namespace Router.Gateway.Keys;

/// <summary>Each key's requests per minute as a token bucket: a full minute's worth may come at once, then they refill
/// evenly. A refused request is told how long until one more would be taken (the Retry-After header).</summary>
public sealed class KeyRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Null when the request may go; otherwise the wait before the next one would be taken.</summary>
    public TimeSpan? TryTake(GatewayKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.RequestsPerMinute is not { } perMinute)
        {
            return null;
        }

        Bucket bucket = _buckets.GetOrAdd(key.Name, _ => new Bucket(perMinute, time.GetTimestamp()));
        return bucket.TryTake(perMinute, time);
    }

    private sealed class Bucket(double tokens, long at)
    {
        private readonly Lock _gate = new();
        private double _tokens = tokens;
        private long _at = at;

        public TimeSpan? TryTake(int perMinute, TimeProvider time)
        {
            lock (_gate)
            {
                long now = time.GetTimestamp();
                double perSecond = perMinute / 60.0;
                _tokens = Math.Min(perMinute, _tokens + (time.GetElapsedTime(_at, now).TotalSeconds * perSecond));
                _at = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return null;
                }

                return TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            }
        }
    }
}
