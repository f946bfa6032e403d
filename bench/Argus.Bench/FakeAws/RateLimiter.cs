namespace Argus.Bench.FakeAws;

/// <summary>
/// AWS's request limit for one (account, region) as a token bucket: <c>rate</c> calls a second, bursts up to
/// <c>rate</c>; a call finding the bucket empty is throttled rather than delayed, as AWS does.
/// </summary>
internal sealed class RateLimiter(double rate)
{
    private readonly Lock gate = new();
    private readonly double capacity = rate;
    private double tokens = rate;
    private long last = Environment.TickCount64;

    public bool TryTake()
    {
        lock (gate)
        {
            var now = Environment.TickCount64;
            tokens = Math.Min(capacity, tokens + ((now - last) * capacity / 1000.0));
            last = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
