using Argus.Core.Permissions;

namespace Argus.Aws.Onboarding;

/// <summary>
/// Narrows actions that would be too broad on <c>"Resource": "*"</c>: every vm-scan write needs the Argus ownership
/// tag, flow-log object reads are limited to the flow-log key prefix, and role chaining to the Argus role name.
/// </summary>
internal static class StatementShapes
{
    /// <summary>The tag Argus puts on everything it creates, and the only resources its vm-scan writes may touch.</summary>
    public const string OwnerTagKey = "argus:owner";

    /// <summary>The value of <see cref="OwnerTagKey"/>.</summary>
    public const string OwnerTagValue = "argus";

    /// <summary>The bucket name prefix a launched scanner's results bucket must have: the policy grants S3 on these buckets only.</summary>
    public const string ResultsBucketPrefix = "argus-vm-scan-";

    /// <summary>The role a launched scanner instance runs as (its instance profile), the only role Argus may pass.</summary>
    public static string ScannerRoleName(string roleName) => roleName + "-scanner";

    /// <summary>The tag remediation leaves on a security group it changed.</summary>
    public const string RemediatedTagKey = "argus:remediated";

    private static readonly StatementShape Read = new("ArgusRead", ["*"], []);

    private static readonly StatementShape FlowLogObjects = new("ArgusReadFlowLogObjects", ["arn:aws:s3:::*/AWSLogs/*/vpcflowlogs/*", "arn:aws:s3:::*/*/AWSLogs/*/vpcflowlogs/*"], []);

    private static readonly StatementShape FlowLogKeys = new("ArgusListFlowLogKeys", ["arn:aws:s3:::*"],
        [new("StringLike", "s3:prefix", ["AWSLogs/*/vpcflowlogs/*", "*/AWSLogs/*/vpcflowlogs/*"])]);

    private static readonly StatementShape VmScanCreate = new("ArgusVmScanCreateTagged", ["*"],
        [new("StringEquals", $"aws:RequestTag/{OwnerTagKey}", [OwnerTagValue])]);

    private static readonly StatementShape VmScanOwned = new("ArgusVmScanOwnedResources", ["*"],
        [new("StringEquals", $"aws:ResourceTag/{OwnerTagKey}", [OwnerTagValue])]);

    private static readonly StatementShape VmScanTagOnCreate = new("ArgusVmScanTagOnCreate", ["*"],
    [
        new("StringEquals", "ec2:CreateAction",
            ["CreateSnapshot", "CopySnapshot", "CreateVolume", "CreateVpc", "CreateSubnet", "CreateInternetGateway", "CreateRouteTable", "CreateSecurityGroup", "RunInstances"]),
        new("StringEquals", $"aws:RequestTag/{OwnerTagKey}", [OwnerTagValue]),
    ]);

    // Customer keys cannot carry Argus's ownership tag without misstating who owns them. The one grant a scan makes
    // is instead limited to the operations reading a snapshot needs and to Argus's own role as the grantee, so the
    // key is never opened to anyone else; EC2's derived grants (a volume or copy made from the snapshot) are then
    // created through that grant, not through this policy.
    private static StatementShape VmScanKeyGrants(string roleName) => new("ArgusVmScanKeyGrantsToArgus", ["*"],
    [
        new("ForAllValues:StringEquals", "kms:GrantOperations", ["CreateGrant", "Decrypt", "DescribeKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo"]),
        new("StringLike", "kms:GranteePrincipal", [$"arn:aws:iam::*:role/{roleName}"]),
    ]);

    // Retiring needs no condition: the grants name this account as their retiring principal, and retiring only
    // ever takes access away.
    private static readonly StatementShape VmScanRetireGrants = new("ArgusVmScanRetireGrants", ["*"], []);

    // RunInstances is authorized per resource it touches: what it creates (instance, its volumes and interface) must
    // carry the owner tag in the request; it may run only in a subnet and security group Argus created; the image is
    // the user's choice (--scanner-ami), so any.
    private static readonly StatementShape VmScanLaunchTagged = new("ArgusVmScanLaunchTagged",
        ["arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*:*:network-interface/*"],
        [new("StringEquals", $"aws:RequestTag/{OwnerTagKey}", [OwnerTagValue])]);

    private static readonly StatementShape VmScanLaunchNetwork = new("ArgusVmScanLaunchInArgusNetwork",
        ["arn:aws:ec2:*:*:subnet/*", "arn:aws:ec2:*:*:security-group/*"],
        [new("StringEquals", $"aws:ResourceTag/{OwnerTagKey}", [OwnerTagValue])]);

    private static readonly StatementShape VmScanLaunchImage = new("ArgusVmScanLaunchImage", ["arn:aws:ec2:*::image/*", "arn:aws:ec2:*:*:image/*"], []);

    // The results channel between Argus and a scanner it launched: objects in buckets named argus-vm-scan-* only,
    // so the role can never read or write any other bucket's data.
    private static readonly StatementShape VmScanResultObjects = new("ArgusVmScanReadResultObjects", [$"arn:aws:s3:::{ResultsBucketPrefix}*/*"], []);

    private static readonly StatementShape VmScanWriteResultObjects = new("ArgusVmScanWriteResultObjects", [$"arn:aws:s3:::{ResultsBucketPrefix}*/*"], []);

    private static readonly StatementShape VmScanResultBuckets = new("ArgusVmScanResultBuckets", [$"arn:aws:s3:::{ResultsBucketPrefix}*"], []);

    // The scanner's instance profile role: <role>-scanner, and only to EC2.
    private static StatementShape VmScanPassScannerRole(string roleName) => new("ArgusVmScanPassScannerRole", [$"arn:aws:iam::*:role/{ScannerRoleName(roleName)}"],
        [new("StringEquals", "iam:PassedToService", ["ec2.amazonaws.com"])]);

    private static readonly StatementShape SecurityGroupFixes = new("ArgusRemediateSecurityGroups", ["*"], []);

    private static readonly StatementShape RemediationTags = new("ArgusRemediationTags", ["*"],
        [new("ForAllValues:StringEquals", "aws:TagKeys", [RemediatedTagKey])]);

    private static readonly StatementShape ImageBlocking = new("ArgusBlockImages", ["*"], []);

    private static readonly Dictionary<(string Feature, string Action), StatementShape> Writes = new()
    {
        [(Features.VmScan, "ec2:CreateSnapshot")] = VmScanCreate,
        [(Features.VmScan, "ec2:CopySnapshot")] = VmScanCreate,
        [(Features.VmScan, "ec2:CreateVolume")] = VmScanCreate,
        [(Features.VmScan, "ec2:CreateTags")] = VmScanTagOnCreate,
        [(Features.VmScan, "ec2:ModifySnapshotAttribute")] = VmScanOwned,
        [(Features.VmScan, "ec2:DeleteSnapshot")] = VmScanOwned,
        [(Features.VmScan, "ec2:AttachVolume")] = VmScanOwned,
        [(Features.VmScan, "ec2:DetachVolume")] = VmScanOwned,
        [(Features.VmScan, "ec2:DeleteVolume")] = VmScanOwned,
        [(Features.VmScan, "kms:RetireGrant")] = VmScanRetireGrants,
        [(Features.VmScan, "ec2:CreateVpc")] = VmScanCreate,
        [(Features.VmScan, "ec2:CreateSubnet")] = VmScanCreate,
        [(Features.VmScan, "ec2:CreateInternetGateway")] = VmScanCreate,
        [(Features.VmScan, "ec2:CreateRouteTable")] = VmScanCreate,
        [(Features.VmScan, "ec2:CreateSecurityGroup")] = VmScanCreate,
        [(Features.VmScan, "ec2:AttachInternetGateway")] = VmScanOwned,
        [(Features.VmScan, "ec2:CreateRoute")] = VmScanOwned,
        [(Features.VmScan, "ec2:AssociateRouteTable")] = VmScanOwned,
        [(Features.VmScan, "ec2:TerminateInstances")] = VmScanOwned,
        [(Features.VmScan, "ec2:DeleteSecurityGroup")] = VmScanOwned,
        [(Features.VmScan, "ec2:DisassociateRouteTable")] = VmScanOwned,
        [(Features.VmScan, "ec2:DeleteRouteTable")] = VmScanOwned,
        [(Features.VmScan, "ec2:DetachInternetGateway")] = VmScanOwned,
        [(Features.VmScan, "ec2:DeleteInternetGateway")] = VmScanOwned,
        [(Features.VmScan, "ec2:DeleteSubnet")] = VmScanOwned,
        [(Features.VmScan, "ec2:DeleteVpc")] = VmScanOwned,
        [(Features.VmScan, "s3:PutObject")] = VmScanWriteResultObjects,
        [(Features.VmScan, "s3:DeleteObject")] = VmScanWriteResultObjects,
        [(Features.RemediationSecurityGroups, "ec2:RevokeSecurityGroupIngress")] = SecurityGroupFixes,
        [(Features.RemediationSecurityGroups, "ec2:RevokeSecurityGroupEgress")] = SecurityGroupFixes,
        [(Features.RemediationSecurityGroups, "ec2:AuthorizeSecurityGroupIngress")] = SecurityGroupFixes,
        [(Features.RemediationSecurityGroups, "ec2:AuthorizeSecurityGroupEgress")] = SecurityGroupFixes,
        [(Features.RemediationSecurityGroups, "ec2:ModifySecurityGroupRules")] = SecurityGroupFixes,
        [(Features.RemediationSecurityGroups, "ec2:CreateTags")] = RemediationTags,
        [(Features.RemediationImageBlocking, "ecr:SetRepositoryPolicy")] = ImageBlocking,
        [(Features.RemediationImageBlocking, "ecr:PutImageTagMutability")] = ImageBlocking,
    };

    /// <summary>The shapes one permission is granted in for one of its selected features (several when IAM authorizes it per resource type).</summary>
    public static IReadOnlyList<StatementShape> For(Permission permission, string feature, string roleName)
    {
        if (feature == Features.VmScan)
        {
            switch (permission.Action)
            {
                case "kms:CreateGrant":
                    return [VmScanKeyGrants(roleName)];
                case "ec2:RunInstances":
                    return [VmScanLaunchTagged, VmScanLaunchNetwork, VmScanLaunchImage];
                case "iam:PassRole":
                    return [VmScanPassScannerRole(roleName)];
                case "s3:GetObject":
                    return [VmScanResultObjects];
                case "s3:ListBucket":
                    return [VmScanResultBuckets];
            }
        }

        if (permission.Access == AccessLevel.Write)
        {
            return Writes.TryGetValue((feature, permission.Action), out var shape)
                ? [shape]
                : throw new InvalidOperationException($"{permission.Action} is a write for {feature} but has no statement shape; declare its conditions in {nameof(StatementShapes)}");
        }

        return permission.Action switch
        {
            "s3:GetObject" => [FlowLogObjects],
            "s3:ListBucket" => [FlowLogKeys],
            "sts:AssumeRole" => [new("ArgusAssumeMemberRoles", [$"arn:aws:iam::*:role/{roleName}"], [])],
            _ => [Read],
        };
    }
}
