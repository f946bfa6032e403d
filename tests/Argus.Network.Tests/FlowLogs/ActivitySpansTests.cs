using Argus.Network.FlowLogs.Attribution;

namespace Argus.Network.Tests.FlowLogs;

public sealed class ActivitySpansTests
{
    [Fact]
    public void Records_in_any_order_merge_into_spans_and_leave_only_the_long_silences()
    {
        var spans = new ActivitySpans(toleranceSeconds: 100, maxSpans: 16);
        foreach (var (start, end) in new[] { (1000L, 1060L), (950, 1010), (2000, 2060), (1100, 1160), (1500, 1560), (1250, 1300), (3000, 3060), (1400, 1460) })
        {
            spans.Add(start, end);
        }

        // 950 to 1560 joins up as the late records fill its gaps (none over 100 s); 2000 and 3000 stand apart.
        Assert.Equal([(950L, 1560L), (2000L, 2060L), (3000L, 3060L)], spans.Spans);
        Assert.Equal([(1560L, 2000L), (2060L, 3000L)], spans.Gaps());
        spans.Add(1600, 2950);
        Assert.Equal([(950L, 3060L)], spans.Spans);
    }

    [Fact]
    public void Too_many_spans_stop_tracking_and_say_so()
    {
        var spans = new ActivitySpans(toleranceSeconds: 10, maxSpans: 3);
        for (var i = 0; i < 5; i++)
        {
            spans.Add(i * 1000, (i * 1000) + 5);
        }

        Assert.True(spans.Overflowed);
        Assert.Empty(spans.Gaps());
    }
}
