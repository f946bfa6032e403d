using Argus.Aws.Operations;

namespace Argus.Posture.Aws;

/// <summary>
/// Answers some checks need that <see cref="AwsOperations"/> does not declare yet (the collection side is being
/// added separately). Declared here with the exact service and operation names and the keys the AWS CLI prints, so
/// the checks read them the day they are stored; until then those checks report ERROR "not collected".
/// </summary>
public static class PendingOperations
{
    public static readonly AwsOperation ListServerCertificates = Global("iam", "ListServerCertificates", "iam:ListServerCertificates", null, "ServerCertificateMetadataList", "aws iam list-server-certificates");
    public static readonly AwsOperation ListVirtualMFADevices = Global("iam", "ListVirtualMFADevices", "iam:ListVirtualMFADevices", null, "VirtualMFADevices", "aws iam list-virtual-mfa-devices");
    public static readonly AwsOperation GetBucketLogging = new("s3", "GetBucketLogging", "s3:GetBucketLogging", true, "Bucket", ["LoggingEnabled"], null, "aws s3api get-bucket-logging");
    public static readonly AwsOperation GetAccountPublicAccessBlock = new("s3control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock", true, null, ["PublicAccessBlockConfiguration"], null, "aws s3control get-public-access-block");
    public static readonly AwsOperation GetAlternateContact = new("account", "GetAlternateContact", "account:GetAlternateContact", true, "AlternateContactType", ["AlternateContact"], null, "aws account get-alternate-contact");
    public static readonly AwsOperation ListPolicies = Global("organizations", "ListPolicies", "organizations:ListPolicies", "Filter", "Policies", "aws organizations list-policies");
    public static readonly AwsOperation ListDelegatedAdministrators = Global("organizations", "ListDelegatedAdministrators", "organizations:ListDelegatedAdministrators", null, "DelegatedAdministrators", "aws organizations list-delegated-administrators");
    public static readonly AwsOperation GetEnabledStandards = Regional("securityhub", "GetEnabledStandards", "securityhub:GetEnabledStandards", null, "StandardsSubscriptions", "aws securityhub get-enabled-standards");
    public static readonly AwsOperation DescribeDBClusters = Regional("rds", "DescribeDBClusters", "rds:DescribeDBClusters", null, "DBClusters", "aws rds describe-db-clusters");
    public static readonly AwsOperation ListAliases = Regional("kms", "ListAliases", "kms:ListAliases", null, "Aliases", "aws kms list-aliases");
    public static readonly AwsOperation ListWebACLs = Regional("wafv2", "ListWebACLs", "wafv2:ListWebACLs", "Scope", "WebACLs", "aws wafv2 list-web-acls");
    public static readonly AwsOperation ListResourcesForWebACL = Regional("wafv2", "ListResourcesForWebACL", "wafv2:ListResourcesForWebACL", "WebACLArn", "ResourceArns", "aws wafv2 list-resources-for-web-acl");
    public static readonly AwsOperation DescribeRepositories = Regional("ecr", "DescribeRepositories", "ecr:DescribeRepositories", null, "repositories", "aws ecr describe-repositories");
    public static readonly AwsOperation GetRepositoryPolicy = new("ecr", "GetRepositoryPolicy", "ecr:GetRepositoryPolicy", false, "repositoryName", ["policyText"], null, "aws ecr get-repository-policy");
    public static readonly AwsOperation ListCoverage = Regional("inspector2", "ListCoverage", "inspector2:ListCoverage", null, "coveredResources", "aws inspector2 list-coverage");
    public static readonly AwsOperation GetLifecyclePolicies = Regional("dlm", "GetLifecyclePolicies", "dlm:GetLifecyclePolicies", null, "Policies", "aws dlm get-lifecycle-policies");
    public static readonly AwsOperation GetLifecyclePolicy = new("dlm", "GetLifecyclePolicy", "dlm:GetLifecyclePolicy", false, "PolicyId", ["Policy"], null, "aws dlm get-lifecycle-policy");
    public static readonly AwsOperation DescribeActiveReceiptRuleSet = new("ses", "DescribeActiveReceiptRuleSet", "ses:DescribeActiveReceiptRuleSet", false, null, ["Metadata", "Rules"], "Rules", "aws ses describe-active-receipt-rule-set");
    public static readonly AwsOperation DescribeEnvironments = Regional("elasticbeanstalk", "DescribeEnvironments", "elasticbeanstalk:DescribeEnvironments", null, "Environments", "aws elasticbeanstalk describe-environments");
    public static readonly AwsOperation DescribeConfigurationSettings = Regional("elasticbeanstalk", "DescribeConfigurationSettings", "elasticbeanstalk:DescribeConfigurationSettings", "EnvironmentName", "ConfigurationSettings", "aws elasticbeanstalk describe-configuration-settings");
    public static readonly AwsOperation ListFlows = Regional("appflow", "ListFlows", "appflow:ListFlows", null, "flows", "aws appflow list-flows");
    public static readonly AwsOperation ListImagePipelines = Regional("imagebuilder", "ListImagePipelines", "imagebuilder:ListImagePipelines", null, "imagePipelineList", "aws imagebuilder list-image-pipelines");
    public static readonly AwsOperation GetRestApis = Regional("apigateway", "GetRestApis", "apigateway:GET", null, "items", "aws apigateway get-rest-apis");
    public static readonly AwsOperation GetStages = Regional("apigateway", "GetStages", "apigateway:GET", "restApiId", "item", "aws apigateway get-stages");

    /// <summary>Every operation above, in declaration order.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
        typeof(PendingOperations).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(AwsOperation))
            .Select(f => (AwsOperation)f.GetValue(null)!)
            .ToList();

    private static AwsOperation Global(string service, string operation, string action, string? resource, string key, string cli) =>
        new(service, operation, action, true, resource, [key], key, cli);

    private static AwsOperation Regional(string service, string operation, string action, string? resource, string key, string cli) =>
        new(service, operation, action, false, resource, [key], key, cli);
}
