namespace Argus.Aws.Collection;

/// <summary>
/// A rate limiter for one (account, region): calls wait for a token. It halves its rate when AWS throttles and
/// creeps back towards the configured rate as calls succeed (additive increase, multiplicative decrease), because
/// AWS's limits are per account and region and shared with whatever else runs there. Its burst is half AWS's (which
/// is about a second's worth of calls), so requests that arrive bunched after network or scheduling delays still
/// find tokens at AWS; and the throttles of calls already in flight when it slowed down do not slow it again.
/// </summary>
public sealed class TokenBucket
{
    private readonly object gate = new();
    private readonly double maxRate;
    private readonly double minRate;
    private readonly TimeProvider time;
    private double rate;
    private double tokens;
    private long last;
    private long? slowedAt;

    /// <param name="callsPerSecond">The configured rate.</param>
    /// <param name="time">The clock; tests pass a fake one.</param>
    public TokenBucket(double callsPerSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(callsPerSecond);
        maxRate = rate = callsPerSecond;
        minRate = Math.Min(callsPerSecond, 0.5);
        this.time = time ?? TimeProvider.System;
        tokens = Burst;
        last = this.time.GetTimestamp();
    }

    // Half a second's worth of calls, at least one.
    private double Burst => Math.Max(1, rate / 2);

    // Throttles within this long after slowing down answer calls sent before it: one round trip and a token's wait.
    private TimeSpan Settle => TimeSpan.FromSeconds(Math.Max(1, 1 / rate));

    /// <summary>The current rate in calls per second.</summary>
    public double Rate
    {
        get
        {
            lock (gate)
            {
                return rate;
            }
        }
    }

    /// <summary>Waits until a call may be made.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                Refill();
                if (tokens >= 1)
                {
                    tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - tokens) / rate);
            }

            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>AWS throttled a call: halve the rate and drop any burst, unless it just did for calls already in flight.</summary>
    public void SlowDown()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            if (slowedAt is { } previous && time.GetElapsedTime(previous, now) < Settle)
            {
                return;
            }

            slowedAt = now;
            Refill();
            rate = Math.Max(minRate, rate / 2);
            tokens = Math.Min(tokens, 0);
        }
    }

    /// <summary>A call succeeded: recover a little of the configured rate.</summary>
    public void Succeeded()
    {
        lock (gate)
        {
            rate = Math.Min(maxRate, rate + (maxRate / 20));
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        tokens = Math.Min(Burst, tokens + (time.GetElapsedTime(last, now).TotalSeconds * rate));
        last = now;
    }
}
