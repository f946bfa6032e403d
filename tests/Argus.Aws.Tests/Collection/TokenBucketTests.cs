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

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
