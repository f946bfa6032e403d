using System.Diagnostics;
using Argus.Aws.Collection;

namespace Argus.Aws.Tests.Collection;

public sealed class TokenBucketTests
{
    [Fact]
    public void Throttling_halves_the_rate_and_successes_recover_it_up_to_the_configured_rate()
    {
        var bucket = new TokenBucket(10);

        bucket.SlowDown();
        bucket.SlowDown();
        Assert.Equal(2.5, bucket.Rate);

        for (var i = 0; i < 100; i++)
        {
            bucket.Succeeded();
        }

        Assert.Equal(10, bucket.Rate);
    }

    [Fact]
    public void The_rate_never_drops_below_half_a_call_per_second()
    {
        var bucket = new TokenBucket(4);

        for (var i = 0; i < 20; i++)
        {
            bucket.SlowDown();
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

        // Four calls of burst, then two more at four per second.
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 400, 3000);
    }
}
