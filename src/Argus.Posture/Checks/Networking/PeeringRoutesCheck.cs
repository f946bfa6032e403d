using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Networking;

/// <summary>
/// CIS (manual): routing tables for VPC peering are "least access". Whether a route is broader than the peering's
/// purpose is a judgement; Argus lists, per peering connection, every route that uses it for the auditor.
/// </summary>
public sealed class PeeringRoutesCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.peering-least-access", "Routes to VPC peerings are least access", Severity.Low, "ec2", "aws.ec2.vpc-peering-connection",
        "A peering route can send a whole VPC range, or only the few subnets or hosts that need to talk.",
        "Broad peering routes extend the blast radius of a compromise to the peer VPC.",
        new("aws ec2 delete-route --route-table-id RTB --destination-cidr-block WIDE_CIDR && aws ec2 create-route --route-table-id RTB --destination-cidr-block NARROW_CIDR --vpc-peering-connection-id PCX",
            "# Narrow DestinationCidrBlock on the AWS::EC2::Route resources that target the peering.",
            "# Narrow destination_cidr_block on aws_route resources with vpc_peering_connection_id."),
        ["https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html"],
        [AwsOperations.DescribeVpcPeeringConnections, AwsOperations.DescribeRouteTables]);

    protected override AwsOperation Source => AwsOperations.DescribeVpcPeeringConnections;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var peerings = PostureContext.Items(lookup).ToList();
        if (peerings.Count == 0)
        {
            yield break;
        }

        var tables = context.Get(account, region, AwsOperations.DescribeRouteTables);
        foreach (var peering in peerings)
        {
            var id = peering.GetString("VpcPeeringConnectionId") ?? "";
            var arn = Ec2Items.Arn(account, region, "vpc-peering-connection", id);
            if (tables.Missing)
            {
                yield return Missing(tables, arn, account, region);
                continue;
            }

            var routes = PostureContext.Items(tables)
                .SelectMany(t => t.GetArray("Routes").Where(r => r.GetString("VpcPeeringConnectionId") == id)
                    .Select(r => new { RouteTableId = t.GetString("RouteTableId"), VpcId = t.GetString("VpcId"), destination = r.GetString("DestinationCidrBlock") ?? r.GetString("DestinationIpv6CidrBlock") ?? r.GetString("DestinationPrefixListId") }))
                .ToList();
            yield return Manual(arn, account, region,
                $"{id}: {routes.Count} route(s) in this account use the peering ({string.Join(", ", routes.Select(r => r.destination).Distinct())}); confirm each is as narrow as the peering's purpose.",
                new { VpcPeeringConnectionId = id, requester = peering.GetObject("RequesterVpcInfo")?.GetString("CidrBlock"), accepter = peering.GetObject("AccepterVpcInfo")?.GetString("CidrBlock"), routes });
        }
    }
}
