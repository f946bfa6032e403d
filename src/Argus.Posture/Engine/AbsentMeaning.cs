using Argus.Aws.Operations;

namespace Argus.Posture.Engine;

/// <summary>
/// Operations whose "nothing configured" answer is an error the AWS CLI prints nothing for and Argus's collector
/// stores nothing for (NoSuchEntity, NoSuchBucketPolicy, not subscribed...). For these, a missing document in a
/// scope that was otherwise collected means the setting is absent, not that the data is missing.
/// </summary>
internal static class AbsentMeaning
{
    private static readonly HashSet<(string Service, string Operation)> Absentable =
    [
        ("iam", "GetAccountPasswordPolicy"),
        ("s3", "GetBucketPolicy"),
        ("s3", "GetBucketPolicyStatus"),
        ("s3", "GetPublicAccessBlock"),
        ("s3", "GetBucketEncryption"),
        ("s3", "GetBucketVersioning"),
        ("s3", "GetBucketLogging"),
        ("s3", "GetBucketTagging"),
        ("s3control", "GetPublicAccessBlock"),
        ("securityhub", "DescribeHub"),
        ("securityhub", "GetEnabledStandards"),
        ("organizations", "DescribeOrganization"),
        ("account", "GetAlternateContact"),
        ("ecr", "GetRepositoryPolicy"),
        ("ses", "DescribeActiveReceiptRuleSet"),
    ];

    public static bool CanBeAbsent(AwsOperation op) => Absentable.Contains((op.Service, op.Operation));
}
