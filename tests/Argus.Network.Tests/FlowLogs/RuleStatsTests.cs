using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.Tests.FlowLogs;

public sealed class RuleStatsTests
{
    private static readonly FirewallRule AnyRule = new()
    {
        Id = "sg-1/ingress/all/all/0.0.0.0/0",
        Key = "sg-1/ingress/all/all/0.0.0.0/0",
        Kind = FirewallRuleKind.SecurityGroup,
        OwnerId = "sg-1",
        Account = "111122223333",
        Region = "eu-west-1",
        Direction = FlowDirection.Ingress,
        Protocol = IpProtocols.All,
        Peer = RulePeer.ForCidr(IpCidr.Parse("0.0.0.0/0")),
    };

    [Fact]
    public void Usage_gives_back_every_peer_protocol_and_port_of_both_families_and_the_extremes()
    {
        var stats = new RuleStats(AnyRule, new RuleUsageOptions());
        var v4 = IpAddress128.Parse("255.255.255.255");
        var zero = IpAddress128.Parse("0.0.0.0");
        var v6 = IpAddress128.Parse("2001:db8::1");

        stats.Hit(v4, IpProtocols.Tcp, 65535, 10, 1, 100, 160);
        stats.Hit(v4, IpProtocols.Tcp, 65535, 10, 1, 100, 160);           // the same tuple again
        stats.Hit(zero, IpProtocols.Tcp, 0, 10, 1, 100, 160);
        stats.Hit(v4, 255, 7, 10, 1, 100, 160);                             // no ports: port -1
        stats.Hit(v4, IpProtocols.All, 80, 10, 1, 100, 160);                // protocol absent from the record
        stats.Hit(v4, IpProtocols.Udp, 40000, 10, 1, 100, 160, reply: true); // a reply's ephemeral port becomes 1024
        stats.Hit(v6, IpProtocols.Tcp, 443, 10, 1, 100, 160);

        Assert.Equal(7, stats.Hits);
        Assert.Equal(3, stats.DistinctPeers);
        Assert.Equal([zero, v4, v6], stats.Peers.Order());
        UsageTuple[] expected =
        [
            new(v4, IpProtocols.Tcp, 65535),
            new(zero, IpProtocols.Tcp, 0),
            new(v4, 255, -1),
            new(v4, IpProtocols.All, -1),
            new(v4, IpProtocols.Udp, RuleStats.EphemeralFrom, Reply: true),
            new(v6, IpProtocols.Tcp, 443),
        ];
        Assert.Equal(expected.Length, stats.Usage.Count);
        Assert.Equal(expected.ToHashSet(), stats.Usage.ToHashSet());
    }

    [Fact]
    public void Peers_and_usage_stop_at_their_caps_across_both_families()
    {
        var stats = new RuleStats(AnyRule, new RuleUsageOptions { MaxPeersCounted = 2, MaxUsageTuples = 2 });

        stats.Hit(IpAddress128.Parse("10.0.0.1"), IpProtocols.Tcp, 443, 1, 1, 0, 60);
        stats.Hit(IpAddress128.Parse("2001:db8::1"), IpProtocols.Tcp, 443, 1, 1, 0, 60);
        Assert.False(stats.PeersCapped);
        Assert.False(stats.UsageCapped);

        stats.Hit(IpAddress128.Parse("10.0.0.2"), IpProtocols.Tcp, 443, 1, 1, 0, 60);

        Assert.True(stats.PeersCapped);
        Assert.Equal(2, stats.DistinctPeers);
        Assert.True(stats.UsageCapped);
        Assert.Empty(stats.Usage);
    }
}
