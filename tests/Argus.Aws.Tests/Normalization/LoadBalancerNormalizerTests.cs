using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Core.Model;
using static Argus.Aws.Tests.Normalization.SampleDocuments;

namespace Argus.Aws.Tests.Normalization;

public sealed class LoadBalancerNormalizerTests
{
    private const string Ec2 = "arn:aws:ec2:eu-west-1:111111111111:";

    private static Normalized Load() => Normalized.Of("eu-west-1", Elbv2());

    [Fact]
    public void Balancers_listeners_and_target_groups_are_assets_with_their_own_arns()
    {
        var n = Load();

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal([LoadBalancerArn], n.Ids(AwsAssetTypes.LoadBalancer));
        Assert.Equal([HttpListenerArn, HttpsListenerArn], n.Ids(AwsAssetTypes.Listener));
        Assert.Equal([InstanceGroupArn, IpGroupArn], n.Ids(AwsAssetTypes.TargetGroup));
        Assert.Equal("HTTPS:443", n.Asset(HttpsListenerArn).Name);
        Assert.Equal("web pool", n.Asset(InstanceGroupArn).Name);
        Assert.Equal("web-ips", n.Asset(IpGroupArn).Name);
    }

    [Fact]
    public void The_balancer_keeps_type_scheme_dns_name_and_tags()
    {
        var lb = Load().Asset(LoadBalancerArn);

        Assert.Equal(("web", "eu-west-1", "prod"), (lb.Name, lb.Region, lb.Tags["env"]));
        using var properties = JsonDocument.Parse(lb.Properties);
        Assert.Equal("application", properties.RootElement.GetProperty("Type").GetString());
        Assert.Equal("internet-facing", properties.RootElement.GetProperty("Scheme").GetString());
        Assert.Equal("web-1234567890.eu-west-1.elb.amazonaws.com", properties.RootElement.GetProperty("DNSName").GetString());
    }

    [Fact]
    public void Traffic_can_be_followed_from_balancer_to_targets()
    {
        var n = Load();

        Assert.Equal([Ec2 + "subnet/subnet-0a", Ec2 + "subnet/subnet-0b", Ec2 + "vpc/vpc-0web"], n.Targets(LoadBalancerArn, RelationKinds.In));
        Assert.Equal([Ec2 + "security-group/sg-0lb"], n.Targets(LoadBalancerArn, RelationKinds.ProtectedBy));
        Assert.Equal([HttpListenerArn, HttpsListenerArn], n.Targets(LoadBalancerArn, RelationKinds.Contains));

        // The forward action names the instance group twice (TargetGroupArn and ForwardConfig): one relation.
        Assert.Equal([InstanceGroupArn, IpGroupArn], n.Targets(HttpsListenerArn, RelationKinds.Targets));
        Assert.Empty(n.Targets(HttpListenerArn, RelationKinds.Targets));

        // i-0web1 is registered on two ports: one relation.
        Assert.Equal([Ec2 + "instance/i-0web1", Ec2 + "instance/i-0web2"], n.Targets(InstanceGroupArn, RelationKinds.Targets));

        // 10.0.1.15 is eni-0app's address in the group's VPC; 192.168.0.9 is outside AWS and has no asset.
        Assert.Equal([Ec2 + "network-interface/eni-0app"], n.Targets(IpGroupArn, RelationKinds.Targets));
        Assert.Equal([Ec2 + "vpc/vpc-0web"], n.Targets(InstanceGroupArn, RelationKinds.In));
    }
}
