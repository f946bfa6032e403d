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
    private readonly Queue<Waiter> waiters = new();
    private bool releasing;

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

    /// <summary>Waits until a call may be made; callers are let through in the order they asked.</summary>
    /// <remarks>
    /// Waiting calls queue and one timer at a time releases them, each as its token comes: a region can have hundreds
    /// of calls waiting, and each polling for its own token would wake them all at every token (most of the
    /// collector's CPU while it waits on the rate).
    /// </remarks>
    public Task WaitAsync(CancellationToken ct)
    {
        lock (gate)
        {
            Refill();
            if (waiters.Count == 0 && tokens >= 1)
            {
                tokens -= 1;
                return Task.CompletedTask;
            }

            var waiter = new Waiter(ct);
            waiters.Enqueue(waiter);
            if (!releasing)
            {
                releasing = true;
                _ = ReleaseAsync();
            }

            return waiter.Task;
        }
    }

    /// <summary>Lets the queued calls through at the current rate until none is left.</summary>
    private async Task ReleaseAsync()
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                while (waiters.TryPeek(out var cancelled) && cancelled.Task.IsCompleted)
                {
                    waiters.Dequeue();
                }

                if (waiters.Count == 0)
                {
                    releasing = false;
                    return;
                }

                Refill();
                if (tokens >= 1)
                {
                    // A waiter cancelled just now keeps nothing: the token goes back for the next.
                    if (waiters.Dequeue().Release())
                    {
                        tokens -= 1;
                    }

                    continue;
                }

                wait = TimeSpan.FromSeconds((1 - tokens) / rate);
            }

            await Task.Delay(wait, time).ConfigureAwait(false);
        }
    }

    /// <summary>One queued call: completed when released, cancelled with its token.</summary>
    private sealed class Waiter
    {
        private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationToken cancelToken;
        private readonly CancellationTokenRegistration registration;

        public Waiter(CancellationToken ct)
        {
            cancelToken = ct;
            registration = ct.Register(static state => ((Waiter)state!).Cancel(), this);
        }

        public Task Task => completion.Task;

        public bool Release()
        {
            registration.Dispose();
            return completion.TrySetResult();
        }

        private void Cancel() => completion.TrySetCanceled(cancelToken);
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
