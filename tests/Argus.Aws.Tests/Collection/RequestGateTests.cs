using System.Diagnostics;
using Argus.Aws.Collection;

namespace Argus.Aws.Tests.Collection;

public sealed class RequestGateTests
{
    [Fact]
    public void Throttling_halves_the_rate_and_successes_recover_it_up_to_the_configured_rate()
    {
        var clock = new ManualClock();
        var bucket = new RequestGate(10, time: clock);

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
        var bucket = new RequestGate(10, time: clock);

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
        var bucket = new RequestGate(4, time: clock);

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
        var gate = new RequestGate(4);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 6; i++)
        {
            (await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None)).Dispose();
        }

        // Two calls of burst (half a second's worth), then four more at four per second.
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 900, 3000);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_without_its_token()
    {
        var gate = new RequestGate(1);
        using var first = await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None); // the burst: one call
        using var cancel = new CancellationTokenSource();

        var cancelled = gate.EnterAsync(CallPriority.Leaf, cancel.Token);
        var next = gate.EnterAsync(CallPriority.Leaf, CancellationToken.None);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var clock = Stopwatch.StartNew();
        using var second = await next;
        var nextWaited = clock.Elapsed;
        using var third = await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None);
        var thirdWaited = clock.Elapsed - nextWaited;

        // The next call takes the token the cancelled one would have had (a second, not two); the one after waits its second.
        Assert.InRange(nextWaited.TotalMilliseconds, 0, 1800);
        Assert.InRange(thirdWaited.TotalMilliseconds, 600, 3000);
    }

    [Fact]
    public async Task An_already_cancelled_wait_fails_at_once()
    {
        var gate = new RequestGate(1);
        using var first = await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(CallPriority.Leaf, new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.WaitAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_call_that_leads_to_more_goes_before_leaves_queued_earlier()
    {
        var gate = new RequestGate(2);
        using var stop = new CancellationTokenSource();
        using var first = await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None); // the burst: one call

        var leaf = gate.EnterAsync(CallPriority.Leaf, stop.Token);
        var leading = gate.EnterAsync(CallPriority.Leading, stop.Token);

        Assert.Same(leading, await Task.WhenAny(leaf, leading).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(leaf.IsCompleted);
        (await leading).Dispose();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaf);
    }

    [Fact]
    public async Task A_page_or_retry_of_a_call_under_way_goes_first_and_needs_no_new_slot()
    {
        var gate = new RequestGate(2, maxInFlight: 1);
        using var stop = new CancellationTokenSource();
        using var underWay = await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None); // the burst and the only slot

        var entry = gate.EnterAsync(CallPriority.Leading, stop.Token);
        var retry = gate.WaitAsync(stop.Token);

        await retry.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(entry.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => entry);
    }

    [Fact]
    public async Task No_more_calls_are_in_flight_than_the_limit_and_a_freed_slot_lets_the_next_in()
    {
        var gate = new RequestGate(1000, maxInFlight: 2);
        var first = await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None);
        using var second = await gate.EnterAsync(CallPriority.Leaf, CancellationToken.None);

        var third = gate.EnterAsync(CallPriority.Leaf, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(third.IsCompleted);

        first.Dispose();
        first.Dispose(); // twice frees one slot, not two
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(10));
        var fourth = gate.EnterAsync(CallPriority.Leaf, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(fourth.IsCompleted);
        second.Dispose();
        (await fourth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
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
