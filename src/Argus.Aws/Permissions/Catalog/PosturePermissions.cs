using Argus.Core.Permissions;
using static Argus.Aws.Permissions.Catalog.Declare;
using F = Argus.Core.Permissions.Features;

namespace Argus.Aws.Permissions.Catalog;

/// <summary>
/// Configuration that posture checks (CIS AWS Foundations and Argus's own rules) evaluate. Metadata only: nothing
/// here reads an object, a secret, a message or a database row.
/// </summary>
internal static class PosturePermissions
{
    private static readonly string[] Posture = [F.Posture];
    private static readonly string[] Both = [F.Inventory, F.Posture];

    public static IReadOnlyList<Permission> All { get; } =
    [
        Read("cloudtrail:DescribeTrails", Posture, "Reads trails to check that API activity is logged in every region"),
        Read("cloudtrail:GetTrailStatus", Posture, "Reads whether each trail is actually logging"),
        Read("cloudtrail:GetEventSelectors", Posture, "Reads which management and data events each trail records (CIS: S3 object-level logging)"),

        Read("config:DescribeConfigurationRecorders", Posture, "Reads whether AWS Config records all resources (CIS)"),
        Read("config:DescribeConfigurationRecorderStatus", Posture, "Reads whether the Config recorder is running"),
        Read("config:DescribeDeliveryChannels", Posture, "Reads where Config delivers its history", required: false),

        Read("kms:ListKeys", Both, "Lists KMS keys to check rotation and key policies"),
        Read("kms:ListAliases", Both, "Reads key aliases so findings name keys the way people know them", required: false),
        Read("kms:DescribeKey", [F.Posture, F.VmScan], "Reads a key's manager (AWS or customer), state and spec; vm-scan checks that an encrypted volume's key can be used"),
        Read("kms:GetKeyRotationStatus", Posture, "Reads whether automatic rotation is on for customer managed keys (CIS)"),
        Read("kms:GetKeyPolicy", Posture, "Reads key policies to find keys usable from outside the account"),

        Read("s3:ListAllMyBuckets", Both, "Lists bucket names (not their contents) to inventory buckets"),
        Read("s3:GetBucketLocation", Both, "Reads each bucket's region so it is assessed with the right regional endpoint"),
        Read("s3:GetBucketPolicy", Posture, "Reads bucket policies to find buckets readable or writable from outside"),
        Read("s3:GetBucketPolicyStatus", Posture, "Reads S3's own verdict on whether a bucket policy makes the bucket public"),
        Read("s3:GetBucketAcl", Posture, "Reads bucket ACLs to find grants to everyone or to any authenticated AWS user"),
        Read("s3:GetBucketPublicAccessBlock", Posture, "Reads each bucket's Block Public Access settings"),
        Read("s3:GetAccountPublicAccessBlock", Posture, "Reads the account-wide Block Public Access settings", required: false),
        Read("s3:GetEncryptionConfiguration", Posture, "Reads default bucket encryption"),
        Read("s3:GetBucketLogging", Posture, "Reads whether server access logging is on (CIS: CloudTrail bucket logging)", required: false),
        Read("s3:GetBucketVersioning", Posture, "Reads versioning and MFA delete status (CIS)"),
        Read("s3:GetBucketTagging", [F.Inventory], "Reads bucket tags for the inventory", required: false),
        Read("s3:GetBucketOwnershipControls", Posture, "Reads whether ACLs are disabled (bucket owner enforced)", required: false),

        Read("logs:DescribeLogGroups", Posture, "Reads log groups, their retention and encryption, e.g. the group CloudTrail delivers to"),
        Read("logs:DescribeMetricFilters", Posture, "Reads metric filters to check the CIS monitoring filters (unauthorized calls, root use, policy changes...) exist"),
        Read("cloudwatch:DescribeAlarms", Posture, "Reads alarms to check each CIS metric filter has an alarm with an action"),
        Read("sns:ListSubscriptions", Posture, "Reads topic subscriptions to check alarm topics actually notify someone (protocol and endpoint kind, not messages)"),
        Read("sns:ListTopics", Posture, "Lists topics alarms publish to", required: false),
        Read("sns:GetTopicAttributes", Posture, "Reads topic policies and encryption to find topics open to anyone", required: false),

        Read("ec2:GetEbsEncryptionByDefault", Posture, "Reads whether new EBS volumes are encrypted by default (CIS)"),
        Read("ec2:GetEbsDefaultKmsKeyId", Posture, "Reads the default EBS encryption key", required: false),
        Read("ec2:DescribeVolumes", [F.Inventory, F.Posture, F.VmScan], "Reads volumes, their encryption and attachments; vm-scan picks the volumes to scan"),
        Read("ec2:DescribeSnapshots", [F.Posture, F.VmScan], "Reads snapshots owned by the account to find unencrypted or public ones; vm-scan follows its own snapshots"),
        Read("ec2:DescribeSnapshotAttribute", Posture, "Reads who a snapshot is shared with (createVolumePermission)", required: false),
        Read("ec2:DescribeImages", [F.Posture], "Reads the account's AMIs to find public ones", required: false),
        Read("ec2:DescribeInstanceAttribute", Posture, "Reads instance attributes such as user data presence flags and source/destination checks", required: false),

        Read("rds:DescribeDBInstances", Both, "Reads database instances: public accessibility, encryption, backups, auto minor upgrades; never data"),
        Read("rds:DescribeDBClusters", Both, "Reads Aurora clusters: encryption, backups, deletion protection", required: false),
        Read("rds:DescribeDBSnapshots", Posture, "Reads database snapshots to find unencrypted ones", required: false),
        Read("rds:DescribeDBSnapshotAttributes", Posture, "Reads who a database snapshot is shared with, to find public snapshots", required: false),
        Read("elasticfilesystem:DescribeFileSystems", Both, "Reads EFS file systems and whether they are encrypted", required: false),
        Read("elasticfilesystem:DescribeFileSystemPolicy", Posture, "Reads file system policies to find file systems open to anyone", required: false),
        Read("elasticfilesystem:DescribeMountTargets", [F.NetworkTopology], "Reads EFS mount targets, network endpoints in subnets", required: false),

        Read("securityhub:DescribeHub", Posture, "Reads whether Security Hub is enabled in each region", required: false),
        Read("securityhub:GetEnabledStandards", Posture, "Reads which Security Hub standards are enabled", required: false),
        Read("dlm:GetLifecyclePolicies", Posture, "Reads Data Lifecycle Manager policies to check volumes are backed up", required: false),
        Read("dlm:GetLifecyclePolicy", Posture, "Reads a lifecycle policy's targets and schedule", required: false),
        Read("ses:DescribeActiveReceiptRuleSet", Posture, "Reads the active SES receipt rules (where received mail is delivered), not the mail", required: false),
        Read("elasticbeanstalk:DescribeEnvironments", Both, "Reads Elastic Beanstalk environments, which own instances and load balancers", required: false),
        Read("elasticbeanstalk:DescribeConfigurationSettings", Posture, "Reads environment settings such as managed updates, enhanced health and log streaming", required: false),
        Read("appflow:ListFlows", Posture, "Lists AppFlow flows, which move data between SaaS applications and AWS", required: false),
        Read("appflow:DescribeFlow", Posture, "Reads a flow's source, destination and encryption key; never the data it moves", required: false),
        Read("imagebuilder:ListImagePipelines", Posture, "Lists EC2 Image Builder pipelines", required: false),
        Read("imagebuilder:ListInfrastructureConfigurations", Posture, "Reads Image Builder build infrastructure: instance roles, subnets, IMDS settings", required: false),
        Read("inspector2:BatchGetAccountStatus", Posture, "Reads whether Amazon Inspector scans EC2, ECR and Lambda in the account", required: false),
        Read("inspector2:ListCoverage", Posture, "Reads which resources Amazon Inspector covers, to show scanning gaps", required: false),
        Read("inspector2:ListFindings", Posture, "Reads Amazon Inspector vulnerability findings to correlate them with exposure", required: false),
        Read("wafv2:ListWebACLs", Posture, "Lists WAF web ACLs to tell protected load balancers and APIs from unprotected ones", required: false),
        Read("wafv2:GetWebACL", Posture, "Reads a web ACL's rules and default action", required: false),
        Read("wafv2:ListResourcesForWebACL", [F.Posture, F.NetworkPolicy], "Reads which load balancers and APIs each web ACL protects", required: false),
        // API Gateway authorizes by HTTP verb on resource paths; GET reads configuration (APIs, stages), never requests.
        Read("apigateway:GET", Posture, "Reads REST APIs and their stages: endpoint type, logging, client certificates, WAF association", required: false),
        Read("apprunner:ListServices", Posture, "Lists App Runner services, public web endpoints that the exposure view must include", required: false),
        Read("cognito-idp:ListUserPools", Posture, "Lists Cognito user pools (names and ids) so their MFA and advanced security settings can be assessed", required: false),
    ];
}
