using Argus.Core.Model;

namespace Argus.Network.Tests.FlowLogs;

/// <summary>
/// One web interface (10.0.1.10, 2001:db8:1::10) in subnet 10.0.1.0/24 with group sg-web: tcp 443 from anywhere,
/// tcp 22 from 10.0.0.0/8, tcp 5432 from prefix list pl-db (entries optional), all egress; and group sg-app on
/// 10.0.2.20 allowing tcp 8080 from sg-web.
/// </summary>
internal static class SmallNetwork
{
    public static IReadOnlyList<RawDocument> Documents(bool withPrefixListEntries = false, bool withRuleIds = false, string? flowLogTrafficType = null)
    {
        var docs = new List<RawDocument>
        {
            Fixtures.Document("DescribeSecurityGroups", """
                {"SecurityGroups": [
                  {"GroupId": "sg-web", "GroupName": "web", "VpcId": "vpc-1",
                   "IpPermissions": [
                     {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}], "PrefixListIds": [], "UserIdGroupPairs": []},
                     {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "admins"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []},
                     {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [{"PrefixListId": "pl-db"}], "UserIdGroupPairs": []}
                   ],
                   "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}]},
                  {"GroupId": "sg-app", "GroupName": "app", "VpcId": "vpc-1",
                   "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": [{"GroupId": "sg-web", "UserId": "111122223333"}]}],
                   "IpPermissionsEgress": []}
                ]}
                """),
            Fixtures.Document("DescribeNetworkInterfaces", """
                {"NetworkInterfaces": [
                  {"NetworkInterfaceId": "eni-web", "SubnetId": "subnet-1", "VpcId": "vpc-1", "InterfaceType": "interface", "PrivateIpAddress": "10.0.1.10",
                   "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.10"}], "Ipv6Addresses": [{"Ipv6Address": "2001:db8:1::10"}], "Groups": [{"GroupId": "sg-web"}]},
                  {"NetworkInterfaceId": "eni-app", "SubnetId": "subnet-2", "VpcId": "vpc-1", "InterfaceType": "interface", "PrivateIpAddress": "10.0.2.20",
                   "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.2.20"}], "Groups": [{"GroupId": "sg-app"}]}
                ]}
                """),
            Fixtures.Document("DescribeSubnets", """
                {"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24"}, {"SubnetId": "subnet-2", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24"}]}
                """),
        };
        if (withPrefixListEntries)
        {
            docs.Add(Fixtures.Document("GetManagedPrefixListEntries", """{"Entries": [{"Cidr": "192.0.2.0/24"}]}""", "pl-db"));
        }

        if (withRuleIds)
        {
            docs.Add(Fixtures.Document("DescribeSecurityGroupRules", """
                {"SecurityGroupRules": [{"SecurityGroupRuleId": "sgr-0123456789abcdef0", "GroupId": "sg-web", "IsEgress": false, "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIpv4": "10.0.0.0/8"}]}
                """));
        }

        if (flowLogTrafficType is not null)
        {
            docs.Add(Fixtures.Document("DescribeFlowLogs", $$"""
                {"FlowLogs": [{"FlowLogId": "fl-1", "ResourceId": "vpc-1", "TrafficType": "{{flowLogTrafficType}}", "LogDestinationType": "s3", "LogDestination": "arn:aws:s3:::logs"}]}
                """));
        }

        return docs;
    }

    /// <summary>NODATA every ten minutes from <paramref name="from"/> to <paramref name="to"/>, as AWS logs an idle interface.</summary>
    public static IEnumerable<string> Idle(string eni, long from, long to)
    {
        for (var t = from; t <= to; t += 600)
        {
            yield return $"2 111122223333 {eni} - - - - - - - {t} {t + 600} - NODATA";
        }
    }

    /// <summary>A default-format record on eni-web: 1,000 bytes, start t, end t+60.</summary>
    public static string Record(string eni, string src, string dst, int srcPort, int dstPort, long t, string action = "ACCEPT", int protocol = 6) =>
        $"2 111122223333 {eni} {src} {dst} {srcPort} {dstPort} {protocol} 10 1000 {t} {t + 60} {action} OK";
}
