namespace Argus.Aws.Collection;

/// <summary>
/// Admits requests to one (account, region): at most a number of calls in flight, and requests at a rate, since AWS's
/// limits are per account and region and shared with whatever else runs there. The rate halves when AWS throttles
/// and creeps back as calls succeed (additive increase, multiplicative decrease); the throttles of calls already in
/// flight when it slowed down do not slow it again. Its burst is half AWS's (about a second's worth of calls), so
/// requests that arrive bunched after network or scheduling delays still find tokens at AWS.
/// </summary>
/// <remarks>
/// A call takes its slot and then its token, so the token is spent as the request leaves and requests reach AWS at the
/// pace they were let through; a slot waiting for a token holds up only its own region. Waiting calls queue by
/// <see cref="CallPriority"/> behind the further pages and retries of calls under way (which hold slots already),
/// first come first served within one, and a single timer lets them through as tokens accrue: an organization's
/// collection has tens of thousands of calls waiting at once, and waking each of them to try again would cost more
/// CPU than the calls themselves.
/// </remarks>
public sealed class RequestGate
{
    private readonly Lock gate = new();
    private readonly Queue<Waiter> continuations = new();
    private readonly Queue<Waiter>[] entries = [new(), new()];
    private readonly int maxInFlight;
    private readonly double maxRate;
    private readonly double minRate;
    private readonly TimeProvider time;
    private readonly ITimer timer;
    private double rate;
    private double tokens;
    private long last;
    private long? slowedAt;
    private int inFlight;
    private bool armed;

    /// <param name="callsPerSecond">The configured rate.</param>
    /// <param name="maxInFlight">Calls in flight at once.</param>
    /// <param name="time">The clock; tests pass a fake one.</param>
    public RequestGate(double callsPerSecond, int maxInFlight = int.MaxValue, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(callsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInFlight);
        maxRate = rate = callsPerSecond;
        minRate = Math.Min(callsPerSecond, 0.5);
        this.maxInFlight = maxInFlight;
        this.time = time ?? TimeProvider.System;
        tokens = Burst;
        last = this.time.GetTimestamp();
        // The first caller's execution context (its async locals) is no business of the timer's.
        using (ExecutionContext.SuppressFlow())
        {
            timer = this.time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
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

    /// <summary>
    /// Waits for a slot and the first request's token: after the pages and retries of calls under way, every waiting
    /// call of a higher priority, and those of its own that came first. Disposing the result frees the slot.
    /// </summary>
    public async Task<IDisposable> EnterAsync(CallPriority priority, CancellationToken ct)
    {
        await Wait(entries[(int)priority], ct).ConfigureAwait(false);
        return new Slot(this);
    }

    /// <summary>Waits for the token of a further request (a page, a retry) of a call that holds a slot; these go first.</summary>
    public Task WaitAsync(CancellationToken ct) => Wait(continuations, ct);

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

    private Task Wait(Queue<Waiter> queue, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled(ct);
        }

        var entry = queue != continuations;
        lock (gate)
        {
            Refill();
            // Nothing queued before it: no overtaking, and a call under way needs no slot of its own.
            if (tokens >= 1 && (!entry || inFlight < maxInFlight) && !Live(continuations) && !(entry && AnyEntry()))
            {
                tokens -= 1;
                inFlight += entry ? 1 : 0;
                return Task.CompletedTask;
            }

            var waiter = new Waiter();
            queue.Enqueue(waiter);
            if (ct.CanBeCanceled)
            {
                // A cancelled waiter stays queued and is passed over: its token and slot go to the next one.
                waiter.Registration = ct.UnsafeRegister(static (w, token) => ((Waiter)w!).TrySetCanceled(token), waiter);
            }

            Arm();
            return waiter.Task;
        }
    }

    // The timer's tick, or a slot freed: let the first waiters through, then sleep until the next token accrues.
    private void Release()
    {
        lock (gate)
        {
            armed = false;
            Refill();
            Admit(continuations, slot: false);
            foreach (var queue in entries)
            {
                Admit(queue, slot: true);
            }

            Arm();
        }
    }

    // Under the lock. Continuations run on the thread pool (waiters are asynchronous), never under it.
    private void Admit(Queue<Waiter> queue, bool slot)
    {
        while (tokens >= 1 && (!slot || inFlight < maxInFlight) && queue.TryDequeue(out var waiter))
        {
            if (waiter.TrySetResult())
            {
                tokens -= 1;
                inFlight += slot ? 1 : 0;
                waiter.Registration.Dispose();
            }
        }
    }

    // Under the lock: wake up as the next token accrues, when someone waiting could then go (a waiting entry needs a
    // free slot too; freeing one releases them).
    private void Arm()
    {
        if (armed || !(Live(continuations) || (inFlight < maxInFlight && AnyEntry())))
        {
            return;
        }

        armed = true;
        timer.Change(TimeSpan.FromSeconds(Math.Max(0, (1 - tokens) / rate)), Timeout.InfiniteTimeSpan);
    }

    private void Free()
    {
        lock (gate)
        {
            inFlight--;
        }

        Release();
    }

    private bool AnyEntry() => Live(entries[0]) || Live(entries[1]);

    // Under the lock: whether a live waiter is queued; cancelled ones at the head are dropped on the way.
    private static bool Live(Queue<Waiter> queue)
    {
        while (queue.TryPeek(out var head))
        {
            if (!head.Task.IsCompleted)
            {
                return true;
            }

            queue.Dequeue();
        }

        return false;
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        tokens = Math.Min(Burst, tokens + (time.GetElapsedTime(last, now).TotalSeconds * rate));
        last = now;
    }

    private sealed class Waiter() : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Slot(RequestGate owner) : IDisposable
    {
        private int freed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref freed, 1) == 0)
            {
                owner.Free();
            }
        }
    }
}
