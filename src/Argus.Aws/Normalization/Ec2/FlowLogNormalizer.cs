using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>Flow logs, attached to the VPC, subnet, interface or transit gateway resource they record.</summary>
internal static class FlowLogNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeFlowLogs))
        {
            if (ctx.AddEc2(item, Ec2Kinds.FlowLog) is not { } flowLog || ctx.String(item, "ResourceId") is not { } resourceId)
            {
                continue;
            }

            if (Ec2Kinds.ByIdPrefix(resourceId) is { } kind)
            {
                ctx.Relate(flowLog, RelationKinds.AttachedTo, ctx.Ec2Ref(kind, resourceId));
            }
            else
            {
                ctx.Warn(item, $"\"ResourceId\" '{resourceId}' is not a resource type flow logs record; no relation");
            }
        }
    }
}
