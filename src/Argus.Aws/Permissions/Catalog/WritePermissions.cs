using Argus.Core.Permissions;
using static Argus.Aws.Permissions.Catalog.Declare;
using F = Argus.Core.Permissions.Features;

namespace Argus.Aws.Permissions.Catalog;

/// <summary>
/// The only changes Argus can make, each behind an opt-in feature. Agentless disk scanning (vuln.vm-scan) works on
/// copies Argus creates and tags <c>argus:owner=argus</c>, and the generated policy lets it touch only resources
/// carrying that tag; remediation changes only what the user asked it to fix.
/// </summary>
internal static class WritePermissions
{
    private static readonly string[] VmScan = [F.VmScan];
    private static readonly string[] SecurityGroups = [F.RemediationSecurityGroups];
    private static readonly string[] ImageBlocking = [F.RemediationImageBlocking];

    public static IReadOnlyList<Permission> All { get; } =
    [
        Write("ec2:CreateSnapshot", VmScan, "Snapshots a volume to scan its file system without an agent; the snapshot must be created with the tag argus:owner=argus"),
        Write("ec2:CopySnapshot", VmScan, "Re-encrypts a snapshot whose key cannot be shared, into a copy tagged argus:owner=argus", required: false),
        Write("ec2:ModifySnapshotAttribute", VmScan, "Shares an Argus-owned snapshot with the scanning account; only snapshots tagged argus:owner=argus", required: false),
        Write("ec2:DeleteSnapshot", VmScan, "Deletes the snapshots Argus made once scanned; only snapshots tagged argus:owner=argus"),
        Write("ec2:CreateVolume", VmScan, "Creates a volume from an Argus snapshot to mount it on the scanner; the volume must be tagged argus:owner=argus"),
        Write("ec2:AttachVolume", VmScan, "Attaches an Argus volume to an Argus scanner instance; both must carry argus:owner=argus"),
        Write("ec2:DetachVolume", VmScan, "Detaches an Argus volume after the scan; only resources tagged argus:owner=argus"),
        Write("ec2:DeleteVolume", VmScan, "Deletes the volumes Argus made once scanned; only volumes tagged argus:owner=argus"),
        Write("ec2:RunInstances", VmScan, "Starts the short-lived scanner instance; it must be launched with the tag argus:owner=argus"),
        Write("ec2:TerminateInstances", VmScan, "Terminates Argus scanner instances; only instances tagged argus:owner=argus"),
        Write("ec2:CreateTags", [F.VmScan, F.RemediationSecurityGroups], "vm-scan: tags snapshots, volumes and instances argus:owner=argus as they are created (no other tagging); remediation: marks a changed security group with argus:remediated"),
        Read("ec2:DescribeTags", VmScan, "Finds every resource tagged argus:owner=argus (snapshots, volumes, instances, scanner network) for cleanup", required: false),
        Write("ec2:CreateVpc", VmScan, "Creates the scanner VPC when asked (--create-scanner-network); it must be tagged argus:owner=argus", required: false),
        Write("ec2:DeleteVpc", VmScan, "Removes the scanner VPC Argus created; only VPCs tagged argus:owner=argus", required: false),
        Write("ec2:CreateSubnet", VmScan, "Creates the scanner subnet in the scanner VPC; it must be tagged argus:owner=argus", required: false),
        Write("ec2:DeleteSubnet", VmScan, "Removes the scanner subnet Argus created; only subnets tagged argus:owner=argus", required: false),
        Write("ec2:CreateInternetGateway", VmScan, "Creates the scanner VPC's internet gateway (the scanner fetches vulnerability data); tagged argus:owner=argus", required: false),
        Write("ec2:AttachInternetGateway", VmScan, "Attaches the Argus internet gateway to the Argus scanner VPC; both tagged argus:owner=argus", required: false),
        Write("ec2:DetachInternetGateway", VmScan, "Detaches the Argus internet gateway before deleting it; only Argus-tagged gateways", required: false),
        Write("ec2:DeleteInternetGateway", VmScan, "Removes the internet gateway Argus created; only gateways tagged argus:owner=argus", required: false),
        Write("ec2:CreateRouteTable", VmScan, "Creates the scanner subnet's route table; tagged argus:owner=argus", required: false),
        Write("ec2:CreateRoute", VmScan, "Adds the default route to the Argus internet gateway in the Argus route table; only Argus-tagged route tables", required: false),
        Write("ec2:AssociateRouteTable", VmScan, "Associates the Argus route table with the Argus scanner subnet", required: false),
        Write("ec2:DisassociateRouteTable", VmScan, "Disassociates the Argus route table before deleting it", required: false),
        Write("ec2:DeleteRouteTable", VmScan, "Removes the route table Argus created; only route tables tagged argus:owner=argus", required: false),
        Write("ec2:CreateSecurityGroup", VmScan, "Creates the scanner's security group (no inbound rules) in the Argus VPC; tagged argus:owner=argus", required: false),
        Write("ec2:DeleteSecurityGroup", VmScan, "Removes the security group Argus created; only groups tagged argus:owner=argus", required: false),
        Write("kms:CreateGrant", VmScan, "Lets EC2 use the key of an encrypted volume to create the Argus copy; only grants for AWS resources made through EC2", required: false),
        Read("kms:ListGrants", VmScan, "Finds the grants an interrupted scan left on a key, to retire them during cleanup", required: false),
        Write("kms:RetireGrant", VmScan, "Retires the grants Argus created once the scan is done; only through EC2", required: false),
        Read("ebs:ListSnapshotBlocks", VmScan, "Lists the blocks of an Argus snapshot to read it without creating a volume (EBS direct APIs)", required: false),
        Read("ebs:GetSnapshotBlock", VmScan, "Reads blocks of an Argus snapshot to list installed packages; disk contents are analysed in memory, never stored or uploaded", required: false),

        Write("ec2:RevokeSecurityGroupIngress", SecurityGroups, "Removes an inbound rule the user chose to fix (e.g. SSH open to the internet)"),
        Write("ec2:RevokeSecurityGroupEgress", SecurityGroups, "Removes an outbound rule the user chose to fix"),
        Write("ec2:AuthorizeSecurityGroupIngress", SecurityGroups, "Adds the narrower inbound rule that replaces a removed one, so a fix does not cut legitimate traffic"),
        Write("ec2:AuthorizeSecurityGroupEgress", SecurityGroups, "Adds the narrower outbound rule that replaces a removed one"),
        Write("ec2:ModifySecurityGroupRules", SecurityGroups, "Narrows a rule's source range in place, keeping its rule id", required: false),

        Write("ecr:SetRepositoryPolicy", ImageBlocking, "Adds a statement denying pulls of an image digest the user chose to block, keeping the rest of the repository policy"),
        Write("ecr:PutImageTagMutability", ImageBlocking, "Makes tags immutable so a blocked image cannot come back under the same tag", required: false),
    ];
}
