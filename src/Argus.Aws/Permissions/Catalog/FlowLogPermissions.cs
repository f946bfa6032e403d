using Argus.Core.Permissions;
using static Argus.Aws.Permissions.Catalog.Declare;
using F = Argus.Core.Permissions.Features;

namespace Argus.Aws.Permissions.Catalog;

/// <summary>
/// Reading VPC flow log records: from the CloudWatch Logs groups flow logs deliver to, or from S3, the one place
/// Argus reads objects: the generated policy scopes the S3 actions to the key prefix AWS writes flow logs under
/// (<c>AWSLogs/&lt;account&gt;/vpcflowlogs/</c>), so no other object can be read.
/// </summary>
internal static class FlowLogPermissions
{
    public static IReadOnlyList<Permission> All { get; } =
    [
        Read("s3:ListBucket", [F.NetworkFlowLogs, F.VmScan], "Lists flow log object keys under AWSLogs/<account>/vpcflowlogs/ in the buckets flow logs are delivered to (the policy allows only that prefix); vm-scan: lists a launched scanner's jobs and results in argus-vm-scan-* buckets", required: false),
        Read("logs:FilterLogEvents", [F.NetworkFlowLogs], "Reads the flow log records in the CloudWatch Logs groups that DescribeFlowLogs names as flow log destinations", required: false),
        Read("s3:GetObject", [F.NetworkFlowLogs, F.VmScan], "Reads flow log objects only (the policy allows only keys under AWSLogs/<account>/vpcflowlogs/) to learn which traffic actually flows; vm-scan: reads a launched scanner's results in argus-vm-scan-* buckets", required: false),
    ];
}
