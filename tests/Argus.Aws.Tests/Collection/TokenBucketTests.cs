using System.Diagnostics;
using Argus.Aws.Collection;

namespace Argus.Aws.Tests.Collection;

public sealed class TokenBucketTests
{
    [Fact]
    public void Throttling_halves_the_rate_and_successes_recover_it_up_to_the_configured_rate()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(10, clock);

        bucket.SlowDown();
        clock.Advance(TimeSpan.FromSeconds(1.5));
        bucket.SlowDown();
        Assert.Equal(2.5, bucket.Rate);

        for (var i = 0; i < 100; i++)
        {
            bucket.Succeeded();
        }

        Assert.Equal(10, bucket.Rate);
    }

    [Fact]
    public void Throttles_of_calls_already_in_flight_slow_it_down_once()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(10, clock);

        bucket.SlowDown();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        bucket.SlowDown();
        bucket.SlowDown();

        Assert.Equal(5, bucket.Rate);
    }

    [Fact]
    public void The_rate_never_drops_below_half_a_call_per_second()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(4, clock);

        for (var i = 0; i < 20; i++)
        {
            bucket.SlowDown();
            clock.Advance(TimeSpan.FromSeconds(3));
        }

        Assert.Equal(0.5, bucket.Rate);
    }

    [Fact]
    public async Task Calls_beyond_the_burst_wait_for_tokens()
    {
        var bucket = new TokenBucket(4);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 6; i++)
        {
            await bucket.WaitAsync(CancellationToken.None);
        }

        // Two calls of burst (half a second's worth), then four more at four per second.
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 900, 3000);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_without_its_token()
    {
        var bucket = new TokenBucket(1);
        await bucket.WaitAsync(CancellationToken.None); // the burst: one call
        using var cancel = new CancellationTokenSource();

        var cancelled = bucket.WaitAsync(cancel.Token);
        var next = bucket.WaitAsync(CancellationToken.None);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var clock = Stopwatch.StartNew();
        await next;
        var nextWaited = clock.Elapsed;
        await bucket.WaitAsync(CancellationToken.None);
        var thirdWaited = clock.Elapsed - nextWaited;

        // The next call takes the token the cancelled one would have had (a second, not two); the one after waits its second.
        Assert.InRange(nextWaited.TotalMilliseconds, 0, 1800);
        Assert.InRange(thirdWaited.TotalMilliseconds, 600, 3000);
    }

    [Fact]
    public async Task An_already_cancelled_wait_fails_at_once()
    {
        var bucket = new TokenBucket(1);
        await bucket.WaitAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bucket.WaitAsync(new CancellationToken(canceled: true)));
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
