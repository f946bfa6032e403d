using Argus.Network.FlowLogs.Attribution;

namespace Argus.Network.Tests.FlowLogs;

public sealed class PackedKeySetTests
{
    [Fact]
    public void Holds_each_key_once_through_growth_zero_included()
    {
        var set = new PackedKeySet();
        var keys = Enumerable.Range(0, 5000).Select(i => (ulong)i * 0x1_0000_0001UL).Append(0UL).Append(ulong.MaxValue - 1).ToList();

        Assert.All(keys.Distinct(), k => Assert.True(set.Add(k)));
        Assert.All(keys.Distinct(), k => Assert.False(set.Add(k)));

        Assert.Equal(keys.Distinct().Count(), set.Count);
        Assert.Equal(keys.Distinct().Order(), set.Keys.Order());
        Assert.True(set.Contains(0));
        Assert.False(set.Contains(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Add(ulong.MaxValue));
        set.Clear();
        Assert.Equal(0, set.Count);
        Assert.False(set.Contains(0));
        Assert.Empty(set.Keys);
    }
}
