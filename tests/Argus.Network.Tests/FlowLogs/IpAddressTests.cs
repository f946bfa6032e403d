using System.Net;
using System.Text;
using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.Tests.FlowLogs;

public sealed class IpAddressTests
{
    [Theory]
    [InlineData("10.1.250.116")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("2001:db8:ffff:2::17")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::")]
    [InlineData("2001:db8:1234:1a00:0:0:0:21")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("1:2:3:4:5:6:7:8")]
    public void Parses_like_the_framework(string text)
    {
        Assert.True(IpAddress128.TryParse(Encoding.ASCII.GetBytes(text), out var parsed));

        Assert.Equal(IPAddress.Parse(text).ToString(), parsed.ToString());
    }

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1..2.3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1::2::3")]
    [InlineData("12345::")]
    [InlineData("1:")]
    [InlineData("ssh")]
    [InlineData("")]
    public void Rejects_what_is_not_an_address(string text) =>
        Assert.False(IpAddress128.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Cidr_containment_follows_the_prefix()
    {
        var net = IpCidr.Parse("10.1.0.0/16");

        Assert.True(net.Contains(IpAddress128.Parse("10.1.250.116")));
        Assert.False(net.Contains(IpAddress128.Parse("10.2.0.1")));
        Assert.False(net.Contains(IpAddress128.Parse("::ffff:10.1.0.1")));
        Assert.True(IpCidr.Parse("0.0.0.0/0").Contains(IpAddress128.Parse("203.0.113.7")));
        Assert.True(IpCidr.Parse("2001:db8::/32").Contains(IpAddress128.Parse("2001:db8:1234::21")));
        Assert.Equal("10.1.0.0/16", IpCidr.Parse("10.1.2.3/16").ToString());
        Assert.Equal("198.51.100.0/24", IpCidr.Covering(IpAddress128.Parse("198.51.100.7"), IpAddress128.Parse("198.51.100.200")).ToString());
    }
}
