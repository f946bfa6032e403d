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
        Write("ec2:CopySnapshot", VmScan, "Re-encrypts a snapshot under the AWS managed aws/ebs key (which cannot be shared) with the scanner's key, or copies it to the scanner's region; the copy is tagged argus:owner=argus", required: false),
        Write("ec2:ModifySnapshotAttribute", VmScan, "Shares an Argus-owned snapshot with the scanning account; only snapshots tagged argus:owner=argus", required: false),
        Write("ec2:DeleteSnapshot", VmScan, "Deletes the snapshots Argus made once scanned; only snapshots tagged argus:owner=argus"),
        Write("ec2:CreateVolume", VmScan, "Attach mode: creates a volume from an Argus snapshot in the scanner's zone; the volume must be tagged argus:owner=argus", required: false),
        Write("ec2:AttachVolume", VmScan, "Attach mode: attaches an Argus volume to the scanner instance the user named; both must carry argus:owner=argus", required: false),
        Write("ec2:DetachVolume", VmScan, "Attach mode: detaches an Argus volume after the scan; only resources tagged argus:owner=argus", required: false),
        Write("ec2:DeleteVolume", VmScan, "Attach mode: deletes the volumes Argus made once scanned; only volumes tagged argus:owner=argus", required: false),
        Write("ec2:CreateTags", [F.VmScan, F.RemediationSecurityGroups], "vm-scan: tags snapshots and volumes argus:owner=argus and the scan id as they are created (no other tagging); remediation: marks a changed security group with argus:remediated"),
        Write("kms:CreateGrant", VmScan, "Lets the scanner's Argus role read a snapshot encrypted with a customer managed key: a grant per scanned volume named for the scan (decrypt, and EC2 volume creation through it), retired after", required: false),
        Read("kms:ListGrants", VmScan, "Finds a scan's grant again after an interruption, and the grants an interrupted scan left, to retire them", required: false),
        Write("kms:RetireGrant", VmScan, "Retires the scan's grants once the scan is done or cleaned up (the account is their retiring principal)", required: false),
        Read("ebs:ListSnapshotBlocks", VmScan, "Lists the blocks of an Argus snapshot to read it without creating a volume (EBS direct APIs)", required: false),
        Read("ebs:GetSnapshotBlock", VmScan, "Reads blocks of an Argus snapshot to list installed packages; disk contents are analysed in memory, never stored or uploaded", required: false),

        // The scanner Argus launches (attach mode, --scanner launch): its own VPC, subnet, internet gateway, route
        // table and security group, then the instance; every one created tagged argus:owner=argus and removed after.
        Write("ec2:CreateVpc", VmScan, "Launched scanner: creates the scanner's own VPC, tagged argus:owner=argus at creation", required: false),
        Write("ec2:CreateSubnet", VmScan, "Launched scanner: creates a subnet in the Argus VPC, in the scanner's zone, tagged argus:owner=argus", required: false),
        Write("ec2:CreateInternetGateway", VmScan, "Launched scanner: an internet gateway so the scanner reaches S3 and EC2, tagged argus:owner=argus", required: false),
        Write("ec2:AttachInternetGateway", VmScan, "Launched scanner: attaches the Argus internet gateway to the Argus VPC; both must carry argus:owner=argus", required: false),
        Write("ec2:CreateRouteTable", VmScan, "Launched scanner: a route table in the Argus VPC, tagged argus:owner=argus", required: false),
        Write("ec2:CreateRoute", VmScan, "Launched scanner: the default route (0.0.0.0/0) of the Argus route table to the Argus internet gateway", required: false),
        Write("ec2:AssociateRouteTable", VmScan, "Launched scanner: associates the Argus route table with the Argus subnet", required: false),
        Write("ec2:CreateSecurityGroup", VmScan, "Launched scanner: a security group with no inbound rule for the scanner, tagged argus:owner=argus", required: false),
        Write("ec2:RunInstances", VmScan, "Launched scanner: starts the scanner instance (IMDSv2 only, on-demand or spot) in the Argus subnet and security group; instance, volumes and interfaces tagged argus:owner=argus at launch", required: false),
        Write("iam:PassRole", VmScan, "Launched scanner: gives the scanner instance its instance profile's role (<role>-scanner only, and only to EC2), whose sole rights are the scan's results objects", required: false),
        Write("ec2:TerminateInstances", VmScan, "Launched scanner: terminates the scanner instance after the scan; only instances tagged argus:owner=argus", required: false),
        Write("ec2:DeleteSecurityGroup", VmScan, "Launched scanner: deletes the Argus security group; only groups tagged argus:owner=argus", required: false),
        Write("ec2:DisassociateRouteTable", VmScan, "Launched scanner: disassociates the Argus route table from the Argus subnet; only route tables tagged argus:owner=argus", required: false),
        Write("ec2:DeleteRouteTable", VmScan, "Launched scanner: deletes the Argus route table; only route tables tagged argus:owner=argus", required: false),
        Write("ec2:DetachInternetGateway", VmScan, "Launched scanner: detaches the Argus internet gateway; only gateways and VPCs tagged argus:owner=argus", required: false),
        Write("ec2:DeleteInternetGateway", VmScan, "Launched scanner: deletes the Argus internet gateway; only gateways tagged argus:owner=argus", required: false),
        Write("ec2:DeleteSubnet", VmScan, "Launched scanner: deletes the Argus subnet; only subnets tagged argus:owner=argus", required: false),
        Write("ec2:DeleteVpc", VmScan, "Launched scanner: deletes the Argus VPC; only VPCs tagged argus:owner=argus", required: false),
        Write("s3:PutObject", VmScan, "Launched scanner: writes a job per attached volume under the scan's results prefix (Argus's own output, in buckets named argus-vm-scan-* only)", required: false),
        Write("s3:DeleteObject", VmScan, "Launched scanner: removes the scan's job and result objects once read (buckets named argus-vm-scan-* only)", required: false),

        Write("ec2:RevokeSecurityGroupIngress", SecurityGroups, "Removes an inbound rule the user chose to fix (e.g. SSH open to the internet)"),
        Write("ec2:RevokeSecurityGroupEgress", SecurityGroups, "Removes an outbound rule the user chose to fix"),
        Write("ec2:AuthorizeSecurityGroupIngress", SecurityGroups, "Adds the narrower inbound rule that replaces a removed one, so a fix does not cut legitimate traffic"),
        Write("ec2:AuthorizeSecurityGroupEgress", SecurityGroups, "Adds the narrower outbound rule that replaces a removed one"),
        Write("ec2:ModifySecurityGroupRules", SecurityGroups, "Narrows a rule's source range in place, keeping its rule id", required: false),

        Write("ecr:SetRepositoryPolicy", ImageBlocking, "Adds a statement denying pulls of an image digest the user chose to block, keeping the rest of the repository policy"),
        Write("ecr:PutImageTagMutability", ImageBlocking, "Makes tags immutable so a blocked image cannot come back under the same tag", required: false),
    ];
}
