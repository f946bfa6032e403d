using System.Text;
using Argus.Core.Model;
using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Network.Tests;

/// <summary>
/// Hand-built AWS CLI answers for one semantic at a time. Items are written as JSON in the CLI's shapes and
/// grouped into one document per (account, region, operation[, resource]), as a collection would store them.
/// </summary>
internal sealed class Scenario
{
    public const string Account = "111111111111";
    public const string Region = "eu-west-1";

    private readonly Dictionary<(string Account, string Region, string Operation, string? Resource), (string Key, List<string> Items)> documents = [];
    private readonly List<CoverageGap> gaps = [];

    public Scenario Add(string operation, string key, string item, string account = Account, string region = Region, string? resource = null)
    {
        var id = (account, region, operation, resource);
        if (!documents.TryGetValue(id, out var doc))
        {
            documents[id] = doc = (key, []);
        }

        doc.Items.Add(item);
        return this;
    }

    public Scenario Gap(string operation, string account = Account, string region = Region)
    {
        gaps.Add(new CoverageGap(Provider.Aws, account, region, "ec2", operation, "ec2:" + operation, GapReason.AccessDenied, "UnauthorizedOperation"));
        return this;
    }

    public Scenario Vpc(string id, string cidr, string? ipv6 = null, string account = Account, string region = Region) =>
        Add("DescribeVpcs", "Vpcs", $$"""{"VpcId":"{{id}}","OwnerId":"{{account}}","CidrBlock":"{{cidr}}"{{(ipv6 is null ? "" : $$""","Ipv6CidrBlockAssociationSet":[{"Ipv6CidrBlock":"{{ipv6}}"}]""")}}}""", account, region);

    public Scenario Subnet(string id, string vpc, string cidr, string zone = "eu-west-1a", string? ipv6 = null, string account = Account, string region = Region) =>
        Add("DescribeSubnets", "Subnets", $$"""{"SubnetId":"{{id}}","VpcId":"{{vpc}}","OwnerId":"{{account}}","CidrBlock":"{{cidr}}","AvailabilityZone":"{{zone}}"{{(ipv6 is null ? "" : $$""","Ipv6CidrBlockAssociationSet":[{"Ipv6CidrBlock":"{{ipv6}}"}]""")}}}""", account, region);

    /// <summary>A route table; routes as <c>"10.0.0.0/16=local"</c>, <c>"0.0.0.0/0=GatewayId:igw-1"</c>, <c>"pl-1=GatewayId:vpce-1"</c>, suffix <c>!</c> for a blackhole.</summary>
    public Scenario RouteTable(string id, string vpc, string[] subnets, bool main, string[] routes, string account = Account, string region = Region)
    {
        var associations = new List<string>();
        if (main)
        {
            associations.Add("""{"Main":true}""");
        }

        associations.AddRange(subnets.Select(s => $$"""{"Main":false,"SubnetId":"{{s}}"}"""));
        var routeJson = routes.Select(r =>
        {
            var (destination, target) = (r[..r.IndexOf('=', StringComparison.Ordinal)], r[(r.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var blackhole = target.EndsWith('!');
            target = target.TrimEnd('!');
            var key = destination.StartsWith("pl-", StringComparison.Ordinal) ? "DestinationPrefixListId" : destination.Contains(':', StringComparison.Ordinal) ? "DestinationIpv6CidrBlock" : "DestinationCidrBlock";
            var targetJson = target == "local" ? "\"GatewayId\":\"local\"" : $"\"{target[..target.IndexOf(':', StringComparison.Ordinal)]}\":\"{target[(target.IndexOf(':', StringComparison.Ordinal) + 1)..]}\"";
            return $$"""{"{{key}}":"{{destination}}",{{targetJson}},"State":"{{(blackhole ? "blackhole" : "active")}}","Origin":"CreateRoute"}""";
        });
        return Add("DescribeRouteTables", "RouteTables", $$"""{"RouteTableId":"{{id}}","VpcId":"{{vpc}}","Associations":[{{string.Join(",", associations)}}],"Routes":[{{string.Join(",", routeJson)}}]}""", account, region);
    }

    public Scenario Interface(string id, string subnet, string vpc, string address, string[] groups, string? publicIp = null, string? ipv6 = null, string? instance = null,
        string type = "interface", bool sourceDestCheck = true, string account = Account, string region = Region)
    {
        var association = publicIp is null ? "" : $$""","Association":{"PublicIp":"{{publicIp}}"}""";
        var attachment = instance is null ? "" : $$""","Attachment":{"InstanceId":"{{instance}}","DeviceIndex":0}""";
        var v6 = ipv6 is null ? "[]" : $$"""[{"Ipv6Address":"{{ipv6}}"}]""";
        return Add("DescribeNetworkInterfaces", "NetworkInterfaces",
            $$"""{"NetworkInterfaceId":"{{id}}","SubnetId":"{{subnet}}","VpcId":"{{vpc}}","OwnerId":"{{account}}","InterfaceType":"{{type}}","PrivateIpAddress":"{{address}}","PrivateIpAddresses":[{"Primary":true,"PrivateIpAddress":"{{address}}"{{association}}}],"Ipv6Addresses":{{v6}},"Groups":[{{string.Join(",", groups.Select(g => $$"""{"GroupId":"{{g}}"}"""))}}],"SourceDestCheck":{{(sourceDestCheck ? "true" : "false")}}{{association}}{{attachment}}}""",
            account, region);
    }

    /// <summary>A security group; rules as <c>"tcp:22:22:0.0.0.0/0"</c>, <c>"-1:::sg-1"</c>, <c>"tcp:5432:5432:pl-1"</c>.</summary>
    public Scenario SecurityGroup(string id, string vpc, string[] inbound, string[]? outbound = null, string account = Account, string region = Region)
    {
        static string Rule(string r)
        {
            var p = r.Split(':', 4);
            var ports = p[1].Length == 0 ? "" : $",\"FromPort\":{p[1]},\"ToPort\":{p[2]}";
            var peer = p[3].StartsWith("sg-", StringComparison.Ordinal) ? $$"""[],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[{"GroupId":"{{p[3]}}"}]"""
                : p[3].StartsWith("pl-", StringComparison.Ordinal) ? $$"""[],"Ipv6Ranges":[],"PrefixListIds":[{"PrefixListId":"{{p[3]}}"}],"UserIdGroupPairs":[]"""
                : p[3].Contains(':', StringComparison.Ordinal) ? $$"""[],"Ipv6Ranges":[{"CidrIpv6":"{{p[3]}}"}],"PrefixListIds":[],"UserIdGroupPairs":[]"""
                : $$"""[{"CidrIp":"{{p[3]}}"}],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]""";
            return $$"""{"IpProtocol":"{{p[0]}}"{{ports}},"IpRanges":{{peer}}}""";
        }

        outbound ??= ["-1:::0.0.0.0/0", "-1:::::/0"];
        return Add("DescribeSecurityGroups", "SecurityGroups",
            $$"""{"GroupId":"{{id}}","GroupName":"{{id}}","VpcId":"{{vpc}}","OwnerId":"{{account}}","IpPermissions":[{{string.Join(",", inbound.Select(Rule))}}],"IpPermissionsEgress":[{{string.Join(",", outbound.Select(Rule))}}]}""",
            account, region);
    }

    /// <summary>A network ACL; entries as <c>"100:in:allow:tcp:22:22:0.0.0.0/0"</c> (protocol number or -1; ports empty for all).</summary>
    public Scenario Acl(string id, string vpc, string[] subnets, string[] entries, bool isDefault = false, string account = Account, string region = Region)
    {
        var json = entries.Select(e =>
        {
            var p = e.Split(':', 7);
            var ports = p[4].Length == 0 ? "" : $$""","PortRange":{"From":{{p[4]}},"To":{{p[5]}}}""";
            var cidr = p[6].Contains(':', StringComparison.Ordinal) ? "Ipv6CidrBlock" : "CidrBlock";
            return $$"""{"RuleNumber":{{p[0]}},"Egress":{{(p[1] == "out" ? "true" : "false")}},"RuleAction":"{{p[2]}}","Protocol":"{{p[3]}}","{{cidr}}":"{{p[6]}}"{{ports}}}""";
        }).Concat([
            """{"RuleNumber":32767,"Egress":true,"RuleAction":"deny","Protocol":"-1","CidrBlock":"0.0.0.0/0"}""",
            """{"RuleNumber":32767,"Egress":false,"RuleAction":"deny","Protocol":"-1","CidrBlock":"0.0.0.0/0"}""",
        ]);
        return Add("DescribeNetworkAcls", "NetworkAcls",
            $$"""{"NetworkAclId":"{{id}}","VpcId":"{{vpc}}","IsDefault":{{(isDefault ? "true" : "false")}},"Associations":[{{string.Join(",", subnets.Select(s => $$"""{"SubnetId":"{{s}}"}"""))}}],"Entries":[{{string.Join(",", json)}}]}""",
            account, region);
    }

    /// <summary>An allow-everything ACL, as AWS creates by default.</summary>
    public Scenario OpenAcl(string id, string vpc, string[] subnets, string account = Account, string region = Region) =>
        Acl(id, vpc, subnets, ["100:in:allow:-1:::0.0.0.0/0", "100:out:allow:-1:::0.0.0.0/0", "101:in:allow:-1:::::/0", "101:out:allow:-1:::::/0"], true, account, region);

    public Scenario InternetGateway(string id, string vpc, bool egressOnly = false) => egressOnly
        ? Add("DescribeEgressOnlyInternetGateways", "EgressOnlyInternetGateways", $$"""{"EgressOnlyInternetGatewayId":"{{id}}","Attachments":[{"State":"attached","VpcId":"{{vpc}}"}]}""")
        : Add("DescribeInternetGateways", "InternetGateways", $$"""{"InternetGatewayId":"{{id}}","Attachments":[{"State":"available","VpcId":"{{vpc}}"}]}""");

    public Scenario Peering(string id, (string Vpc, string Cidr, string Owner, string Region) requester, (string Vpc, string Cidr, string Owner, string Region) accepter, string status = "active") =>
        Add("DescribeVpcPeeringConnections", "VpcPeeringConnections",
            $$$"""{"VpcPeeringConnectionId":"{{{id}}}","Status":{"Code":"{{{status}}}"},"RequesterVpcInfo":{"VpcId":"{{{requester.Vpc}}}","CidrBlock":"{{{requester.Cidr}}}","OwnerId":"{{{requester.Owner}}}","Region":"{{{requester.Region}}}"},"AccepterVpcInfo":{"VpcId":"{{{accepter.Vpc}}}","CidrBlock":"{{{accepter.Cidr}}}","OwnerId":"{{{accepter.Owner}}}","Region":"{{{accepter.Region}}}"}}""");

    public Scenario TransitGateway(string id, bool referencing = false) =>
        Add("DescribeTransitGateways", "TransitGateways", $$$"""{"TransitGatewayId":"{{{id}}}","OwnerId":"{{{Account}}}","State":"available","Options":{"SecurityGroupReferencingSupport":"{{{(referencing ? "enable" : "disable")}}}"}}""");

    public Scenario TransitVpcAttachment(string id, string tgw, string vpc, string subnet, string table)
    {
        Add("DescribeTransitGatewayAttachments", "TransitGatewayAttachments",
            $$$"""{"TransitGatewayAttachmentId":"{{{id}}}","TransitGatewayId":"{{{tgw}}}","ResourceType":"vpc","ResourceId":"{{{vpc}}}","ResourceOwnerId":"{{{Account}}}","State":"available","Association":{"TransitGatewayRouteTableId":"{{{table}}}","State":"associated"}}""");
        return Add("DescribeTransitGatewayVpcAttachments", "TransitGatewayVpcAttachments",
            $$"""{"TransitGatewayAttachmentId":"{{id}}","TransitGatewayId":"{{tgw}}","VpcId":"{{vpc}}","VpcOwnerId":"{{Account}}","State":"available","SubnetIds":["{{subnet}}"]}""");
    }

    /// <summary>A transit gateway route table; routes as <c>"10.2.0.0/16=tgw-attach-b"</c>, or <c>"10.2.0.0/16=!"</c> for a blackhole.</summary>
    public Scenario TransitRouteTable(string id, string tgw, params string[] routes)
    {
        Add("DescribeTransitGatewayRouteTables", "TransitGatewayRouteTables", $$"""{"TransitGatewayRouteTableId":"{{id}}","TransitGatewayId":"{{tgw}}","State":"available"}""");
        Add("SearchTransitGatewayRoutes", "Routes", "", resource: id);
        documents[(Account, Region, "SearchTransitGatewayRoutes", id)].Items.Clear();
        foreach (var route in routes)
        {
            var (destination, target) = (route[..route.IndexOf('=', StringComparison.Ordinal)], route[(route.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            Add("SearchTransitGatewayRoutes", "Routes", target == "!"
                ? $$"""{"DestinationCidrBlock":"{{destination}}","Type":"static","State":"blackhole"}"""
                : $$"""{"DestinationCidrBlock":"{{destination}}","TransitGatewayAttachments":[{"TransitGatewayAttachmentId":"{{target}}","ResourceType":"vpc"}],"Type":"propagated","State":"active"}""", resource: id);
        }

        return this;
    }

    public Scenario PrefixList(string id, params string[] entries)
    {
        Add("DescribeManagedPrefixLists", "PrefixLists", $$"""{"PrefixListId":"{{id}}","PrefixListName":"{{id}}","OwnerId":"{{Account}}"}""");
        if (entries.Length > 0)
        {
            foreach (var entry in entries)
            {
                Add("GetManagedPrefixListEntries", "Entries", $$"""{"Cidr":"{{entry}}"}""", resource: id);
            }
        }

        return this;
    }

    public IEnumerable<RawDocument> Documents()
    {
        foreach (var ((account, region, operation, resource), (key, items)) in documents)
        {
            var json = $$"""{"{{key}}":[{{string.Join(",", items.Where(i => i.Length > 0))}}]}""";
            yield return new RawDocument(Provider.Aws, account, region, "ec2", operation, resource, Encoding.UTF8.GetBytes(json));
        }
    }

    public NetworkModel Build() => NetworkModel.Build([.. Documents()], gaps);

    public ReachAnswer Ask(string from, string to, int? protocol, string ports) =>
        ReachabilityAnalyzer.Query(Build(), Endpoint.Parse(from), Endpoint.Parse(to), TrafficSet.Query(protocol, PortSet.Parse(ports)));

    /// <summary>Two VPCs side by side, each with one subnet, an open ACL and one instance interface (a 10.1.0.10, b 10.2.0.10).</summary>
    public static Scenario TwoVpcs(string[] aRoutes, string[] bRoutes, string[]? bInbound = null)
    {
        return new Scenario()
            .Vpc("vpc-a", "10.1.0.0/16").Subnet("subnet-a", "vpc-a", "10.1.0.0/24").OpenAcl("acl-a", "vpc-a", ["subnet-a"])
            .RouteTable("rtb-a", "vpc-a", ["subnet-a"], true, ["10.1.0.0/16=local", .. aRoutes])
            .SecurityGroup("sg-a", "vpc-a", [])
            .Interface("eni-a", "subnet-a", "vpc-a", "10.1.0.10", ["sg-a"], instance: "i-a")
            .Vpc("vpc-b", "10.2.0.0/16").Subnet("subnet-b", "vpc-b", "10.2.0.0/24").OpenAcl("acl-b", "vpc-b", ["subnet-b"])
            .RouteTable("rtb-b", "vpc-b", ["subnet-b"], true, ["10.2.0.0/16=local", .. bRoutes])
            .SecurityGroup("sg-b", "vpc-b", bInbound ?? ["tcp:5432:5432:10.0.0.0/8"])
            .Interface("eni-b", "subnet-b", "vpc-b", "10.2.0.10", ["sg-b"], instance: "i-b");
    }
}
