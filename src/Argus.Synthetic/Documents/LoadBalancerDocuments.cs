using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>Elastic Load Balancing v2: balancers, their listeners, target groups and the targets' health.</summary>
internal static class LoadBalancerDocuments
{
    public static IEnumerable<RawDocument> All(DocumentWriter d, RegionModel m)
    {
        yield return LoadBalancers(d, m);
        foreach (var balancer in m.LoadBalancers)
        {
            yield return Listeners(d, m, balancer);
        }

        yield return TargetGroups(d, m);
        foreach (var group in m.TargetGroups)
        {
            yield return TargetHealth(d, m, group);
        }

        // The CLI needs at least one ARN to ask for tags; with no balancer there is no call.
        if (m.LoadBalancers.Count > 0)
        {
            yield return Tags(d, m);
        }
    }

    private static RawDocument LoadBalancers(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeLoadBalancers, m.LoadBalancers, (w, balancer) =>
        {
            w.WriteString("LoadBalancerArn"u8, balancer.Arn);
            w.WriteString("DNSName"u8, balancer.DnsName);
            w.WriteString("CanonicalHostedZoneId"u8, balancer.CanonicalHostedZoneId);
            w.WriteTime("CreatedTime"u8, balancer.Created);
            w.WriteString("LoadBalancerName"u8, balancer.Name);
            w.WriteString("Scheme"u8, balancer.Scheme);
            w.WriteString("VpcId"u8, balancer.Vpc.Id);
            w.WriteStartObject("State"u8);
            w.WriteString("Code"u8, "active");
            w.WriteEndObject();
            w.WriteString("Type"u8, balancer.Type);
            w.WriteObjects("AvailabilityZones"u8, balancer.Subnets, subnet =>
            {
                w.WriteString("ZoneName"u8, subnet.ZoneName);
                w.WriteString("SubnetId"u8, subnet.Id);
                w.WriteEmptyArray("LoadBalancerAddresses"u8);
            });
            if (balancer.Groups.Count > 0)
            {
                w.WriteStrings("SecurityGroups"u8, balancer.Groups.Select(g => g.Id));
            }

            w.WriteString("IpAddressType"u8, "ipv4");
        });
    }

    private static RawDocument Listeners(DocumentWriter d, RegionModel m, LoadBalancerModel balancer)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeListeners, balancer.Listeners, (w, listener) =>
        {
            w.WriteString("ListenerArn"u8, listener.Arn);
            w.WriteString("LoadBalancerArn"u8, balancer.Arn);
            w.WriteNumber("Port"u8, listener.Port);
            w.WriteString("Protocol"u8, listener.Protocol);
            if (listener.CertificateArn is not null)
            {
                w.WriteStartArray("Certificates"u8);
                w.WriteStartObject();
                w.WriteString("CertificateArn"u8, listener.CertificateArn);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteOptional("SslPolicy"u8, listener.SslPolicy);
            w.WriteStartArray("DefaultActions"u8);
            w.WriteStartObject();
            if (listener.TargetGroup is { } target)
            {
                w.WriteString("Type"u8, "forward");
                w.WriteString("TargetGroupArn"u8, target.Arn);
                w.WriteNumber("Order"u8, 1);
                w.WriteStartObject("ForwardConfig"u8);
                w.WriteStartArray("TargetGroups"u8);
                w.WriteStartObject();
                w.WriteString("TargetGroupArn"u8, target.Arn);
                w.WriteNumber("Weight"u8, 1);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("TargetGroupStickinessConfig"u8);
                w.WriteBoolean("Enabled"u8, false);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            else
            {
                w.WriteString("Type"u8, "redirect");
                w.WriteNumber("Order"u8, 1);
                w.WriteStartObject("RedirectConfig"u8);
                w.WriteString("Protocol"u8, "HTTPS");
                w.WriteString("Port"u8, "443");
                w.WriteString("Host"u8, "#{host}");
                w.WriteString("Path"u8, "/#{path}");
                w.WriteString("Query"u8, "#{query}");
                w.WriteString("StatusCode"u8, "HTTP_301");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }, balancer.Arn);
    }

    private static RawDocument TargetGroups(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeTargetGroups, m.TargetGroups, (w, group) =>
        {
            var http = group.HealthCheckPath is not null;
            w.WriteString("TargetGroupArn"u8, group.Arn);
            w.WriteString("TargetGroupName"u8, group.Name);
            w.WriteString("Protocol"u8, group.Protocol);
            w.WriteNumber("Port"u8, group.Port);
            w.WriteString("VpcId"u8, group.Vpc.Id);
            w.WriteString("HealthCheckProtocol"u8, group.Protocol);
            w.WriteString("HealthCheckPort"u8, "traffic-port");
            w.WriteBoolean("HealthCheckEnabled"u8, true);
            w.WriteNumber("HealthCheckIntervalSeconds"u8, http ? 15 : 30);
            w.WriteNumber("HealthCheckTimeoutSeconds"u8, http ? 5 : 10);
            w.WriteNumber("HealthyThresholdCount"u8, http ? 3 : 5);
            w.WriteNumber("UnhealthyThresholdCount"u8, http ? 3 : 2);
            if (http)
            {
                w.WriteString("HealthCheckPath"u8, group.HealthCheckPath);
                w.WriteStartObject("Matcher"u8);
                w.WriteString("HttpCode"u8, "200");
                w.WriteEndObject();
            }

            w.WriteStrings("LoadBalancerArns"u8, group.LoadBalancerArns);
            w.WriteString("TargetType"u8, "instance");
            if (http)
            {
                w.WriteString("ProtocolVersion"u8, "HTTP1");
            }

            w.WriteString("IpAddressType"u8, "ipv4");
        });
    }

    private static RawDocument TargetHealth(DocumentWriter d, RegionModel m, TargetGroupModel group)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeTargetHealth, group.Targets, (w, target) =>
        {
            w.WriteStartObject("Target"u8);
            w.WriteString("Id"u8, target.InstanceId);
            w.WriteNumber("Port"u8, target.Port);
            w.WriteEndObject();
            w.WriteString("HealthCheckPort"u8, target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartObject("TargetHealth"u8);
            w.WriteString("State"u8, target.State);
            w.WriteOptional("Reason"u8, target.Reason);
            w.WriteOptional("Description"u8, target.Description);
            w.WriteEndObject();
        }, group.Arn);
    }

    private static RawDocument Tags(DocumentWriter d, RegionModel m)
    {
        var tagged = m.LoadBalancers.Select(b => (b.Arn, b.Tags)).Concat(m.TargetGroups.Select(g => (g.Arn, g.Tags)));
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeTags, tagged, (w, resource) =>
        {
            w.WriteString("ResourceArn"u8, resource.Arn);
            w.WriteTags(resource.Tags);
        });
    }
}
