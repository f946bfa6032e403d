using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: every VPC has an active flow log.</summary>
public sealed class VpcFlowLogsCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.vpc-flow-logs", "Every VPC has flow logs", Severity.Medium, "ec2", "aws.ec2.vpc",
        "Flow logs record accepted and rejected traffic of a VPC's network interfaces.",
        "Without them, traffic during an incident, and which firewall rules are used, cannot be established.",
        new("aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC_ID --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::BUCKET",
            "# Add an AWS::EC2::FlowLog with ResourceType VPC, ResourceId !Ref Vpc, TrafficType ALL.",
            "# Add an aws_flow_log with vpc_id, traffic_type = \"ALL\" and a log destination."),
        ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html"],
        [AwsOperations.DescribeVpcs, AwsOperations.DescribeFlowLogs]);

    protected override AwsOperation Source => AwsOperations.DescribeVpcs;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var vpcs = PostureContext.Items(lookup).ToList();
        if (vpcs.Count == 0)
        {
            yield break;
        }

        var flowLogs = context.Get(account, region, AwsOperations.DescribeFlowLogs);
        foreach (var vpc in vpcs)
        {
            var id = vpc.GetString("VpcId") ?? "";
            var arn = Ec2Items.Arn(account, region, "vpc", id);
            if (flowLogs.Missing)
            {
                yield return Missing(flowLogs, arn, account, region) with { Tags = Ec2Items.Tags(vpc) };
                continue;
            }

            var logs = PostureContext.Items(flowLogs).Where(f => f.GetString("ResourceId") == id).ToList();
            var active = logs.Where(f => f.GetString("FlowLogStatus") is null or "ACTIVE").ToList();
            yield return Verdict(active.Count > 0, arn, account, region,
                $"{id} has flow logs ({string.Join(", ", active.Select(f => f.GetString("FlowLogId")))}).",
                logs.Count == 0 ? $"{id} ({Ec2Items.Name(vpc, id)}) has no flow log." : $"{id}'s flow logs are not active.",
                new { VpcId = id, IsDefault = vpc.GetBool("IsDefault"), flowLogs = logs.Select(f => new { id = f.GetString("FlowLogId"), status = f.GetString("FlowLogStatus"), traffic = f.GetString("TrafficType") }) },
                Ec2Items.Tags(vpc));
        }
    }
}
