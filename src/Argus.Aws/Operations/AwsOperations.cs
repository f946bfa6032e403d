namespace Argus.Aws.Operations;

/// <summary>
/// Every AWS operation whose answer the foundation understands. Names follow the services' API references;
/// result keys follow what <c>aws ... --output json</c> prints (pages merged, no NextToken).
/// </summary>
public static class AwsOperations
{
    public static readonly AwsOperation DescribeOrganization = Org("DescribeOrganization", "describe-organization", null, "Organization");
    public static readonly AwsOperation ListRoots = Org("ListRoots", "list-roots", null, "Roots");
    public static readonly AwsOperation ListAccounts = Org("ListAccounts", "list-accounts", null, "Accounts");
    public static readonly AwsOperation ListOrganizationalUnitsForParent = Org("ListOrganizationalUnitsForParent", "list-organizational-units-for-parent", "ParentId", "OrganizationalUnits");
    public static readonly AwsOperation ListAccountsForParent = Org("ListAccountsForParent", "list-accounts-for-parent", "ParentId", "Accounts");

    public static readonly AwsOperation GetCallerIdentity = new("sts", "GetCallerIdentity", "sts:GetCallerIdentity", true, null, ["UserId", "Account", "Arn"], null, "aws sts get-caller-identity");

    public static readonly AwsOperation DescribeRegions = Ec2("DescribeRegions", "Regions");
    public static readonly AwsOperation DescribeAvailabilityZones = Ec2("DescribeAvailabilityZones", "AvailabilityZones");
    public static readonly AwsOperation DescribeVpcs = Ec2("DescribeVpcs", "Vpcs");
    public static readonly AwsOperation DescribeSubnets = Ec2("DescribeSubnets", "Subnets");
    public static readonly AwsOperation DescribeRouteTables = Ec2("DescribeRouteTables", "RouteTables");
    public static readonly AwsOperation DescribeInternetGateways = Ec2("DescribeInternetGateways", "InternetGateways");
    public static readonly AwsOperation DescribeEgressOnlyInternetGateways = Ec2("DescribeEgressOnlyInternetGateways", "EgressOnlyInternetGateways");
    public static readonly AwsOperation DescribeNatGateways = Ec2("DescribeNatGateways", "NatGateways");
    public static readonly AwsOperation DescribeTransitGateways = Ec2("DescribeTransitGateways", "TransitGateways");
    public static readonly AwsOperation DescribeTransitGatewayAttachments = Ec2("DescribeTransitGatewayAttachments", "TransitGatewayAttachments");
    public static readonly AwsOperation DescribeTransitGatewayRouteTables = Ec2("DescribeTransitGatewayRouteTables", "TransitGatewayRouteTables");
    public static readonly AwsOperation DescribeTransitGatewayVpcAttachments = Ec2("DescribeTransitGatewayVpcAttachments", "TransitGatewayVpcAttachments");
    public static readonly AwsOperation DescribeTransitGatewayPeeringAttachments = Ec2("DescribeTransitGatewayPeeringAttachments", "TransitGatewayPeeringAttachments");
    // Transit gateway route tables' contents, per route table: routes (static and propagated, blackholes included),
    // which attachments use the table, and which propagate into it. The network engine routes across the hub with them.
    public static readonly AwsOperation SearchTransitGatewayRoutes = new("ec2", "SearchTransitGatewayRoutes", "ec2:SearchTransitGatewayRoutes", false, "TransitGatewayRouteTableId", ["Routes"], "Routes", "aws ec2 search-transit-gateway-routes");
    public static readonly AwsOperation GetTransitGatewayRouteTableAssociations = new("ec2", "GetTransitGatewayRouteTableAssociations", "ec2:GetTransitGatewayRouteTableAssociations", false, "TransitGatewayRouteTableId", ["Associations"], "Associations", "aws ec2 get-transit-gateway-route-table-associations");
    public static readonly AwsOperation GetTransitGatewayRouteTablePropagations = new("ec2", "GetTransitGatewayRouteTablePropagations", "ec2:GetTransitGatewayRouteTablePropagations", false, "TransitGatewayRouteTableId", ["TransitGatewayRouteTablePropagations"], "TransitGatewayRouteTablePropagations", "aws ec2 get-transit-gateway-route-table-propagations");
    public static readonly AwsOperation DescribeVpcPeeringConnections = Ec2("DescribeVpcPeeringConnections", "VpcPeeringConnections");
    public static readonly AwsOperation DescribeVpnGateways = Ec2("DescribeVpnGateways", "VpnGateways");
    public static readonly AwsOperation DescribeVpnConnections = Ec2("DescribeVpnConnections", "VpnConnections");
    public static readonly AwsOperation DescribeCustomerGateways = Ec2("DescribeCustomerGateways", "CustomerGateways");
    public static readonly AwsOperation DescribeNetworkInterfaces = Ec2("DescribeNetworkInterfaces", "NetworkInterfaces");
    public static readonly AwsOperation DescribeInstances = Ec2("DescribeInstances", "Reservations");
    public static readonly AwsOperation DescribeVolumes = Ec2("DescribeVolumes", "Volumes");
    public static readonly AwsOperation DescribeSecurityGroups = Ec2("DescribeSecurityGroups", "SecurityGroups");
    public static readonly AwsOperation DescribeNetworkAcls = Ec2("DescribeNetworkAcls", "NetworkAcls");
    public static readonly AwsOperation DescribeManagedPrefixLists = Ec2("DescribeManagedPrefixLists", "PrefixLists");
    public static readonly AwsOperation GetManagedPrefixListEntries = new("ec2", "GetManagedPrefixListEntries", "ec2:GetManagedPrefixListEntries", false, "PrefixListId", ["Entries"], "Entries", "aws ec2 get-managed-prefix-list-entries");
    public static readonly AwsOperation DescribeVpcEndpoints = Ec2("DescribeVpcEndpoints", "VpcEndpoints");
    public static readonly AwsOperation DescribeAddresses = Ec2("DescribeAddresses", "Addresses");
    public static readonly AwsOperation DescribeFlowLogs = Ec2("DescribeFlowLogs", "FlowLogs");

    public static readonly AwsOperation GetEbsEncryptionByDefault = new("ec2", "GetEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault", false, null, ["EbsEncryptionByDefault"], null, "aws ec2 get-ebs-encryption-by-default");

    // Shadow trails (a multi-region or organization trail seen from another region) are included, as the CLI's default does.
    public static readonly AwsOperation DescribeTrails = new("cloudtrail", "DescribeTrails", "cloudtrail:DescribeTrails", false, null, ["trailList"], "trailList", "aws cloudtrail describe-trails");
    public static readonly AwsOperation GetTrailStatus = new("cloudtrail", "GetTrailStatus", "cloudtrail:GetTrailStatus", false, "Name", ["IsLogging"], null, "aws cloudtrail get-trail-status");
    public static readonly AwsOperation GetEventSelectors = new("cloudtrail", "GetEventSelectors", "cloudtrail:GetEventSelectors", false, "TrailName", ["TrailARN"], null, "aws cloudtrail get-event-selectors");

    public static readonly AwsOperation ListKeys = new("kms", "ListKeys", "kms:ListKeys", false, null, ["Keys"], "Keys", "aws kms list-keys");
    public static readonly AwsOperation DescribeKey = new("kms", "DescribeKey", "kms:DescribeKey", false, "KeyId", ["KeyMetadata"], null, "aws kms describe-key");
    public static readonly AwsOperation GetKeyRotationStatus = new("kms", "GetKeyRotationStatus", "kms:GetKeyRotationStatus", false, "KeyId", ["KeyRotationEnabled"], null, "aws kms get-key-rotation-status");
    public static readonly AwsOperation GetKeyPolicy = new("kms", "GetKeyPolicy", "kms:GetKeyPolicy", false, "KeyId", ["Policy"], null, "aws kms get-key-policy");

    // The botocore service is "config"; the AWS CLI calls it configservice.
    public static readonly AwsOperation DescribeConfigurationRecorders = Config("DescribeConfigurationRecorders", "ConfigurationRecorders");
    public static readonly AwsOperation DescribeConfigurationRecorderStatus = Config("DescribeConfigurationRecorderStatus", "ConfigurationRecordersStatus");
    public static readonly AwsOperation DescribeDeliveryChannels = Config("DescribeDeliveryChannels", "DeliveryChannels");

    public static readonly AwsOperation DescribeLogGroups = new("logs", "DescribeLogGroups", "logs:DescribeLogGroups", false, null, ["logGroups"], "logGroups", "aws logs describe-log-groups");
    public static readonly AwsOperation DescribeMetricFilters = new("logs", "DescribeMetricFilters", "logs:DescribeMetricFilters", false, null, ["metricFilters"], "metricFilters", "aws logs describe-metric-filters");
    public static readonly AwsOperation DescribeAlarms = new("cloudwatch", "DescribeAlarms", "cloudwatch:DescribeAlarms", false, null, ["MetricAlarms"], "MetricAlarms", "aws cloudwatch describe-alarms");

    public static readonly AwsOperation ListTopics = new("sns", "ListTopics", "sns:ListTopics", false, null, ["Topics"], "Topics", "aws sns list-topics");

    // One account-wide call lists every subscription with its TopicArn: what ListSubscriptionsByTopic per topic would.
    public static readonly AwsOperation ListSubscriptions = new("sns", "ListSubscriptions", "sns:ListSubscriptions", false, null, ["Subscriptions"], "Subscriptions", "aws sns list-subscriptions");

    public static readonly AwsOperation DescribeDBInstances = new("rds", "DescribeDBInstances", "rds:DescribeDBInstances", false, null, ["DBInstances"], "DBInstances", "aws rds describe-db-instances");
    public static readonly AwsOperation DescribeFileSystems = new("efs", "DescribeFileSystems", "elasticfilesystem:DescribeFileSystems", false, null, ["FileSystems"], "FileSystems", "aws efs describe-file-systems");
    public static readonly AwsOperation DescribeHub = new("securityhub", "DescribeHub", "securityhub:DescribeHub", false, null, ["HubArn"], null, "aws securityhub describe-hub");
    public static readonly AwsOperation ListAnalyzers = new("accessanalyzer", "ListAnalyzers", "access-analyzer:ListAnalyzers", false, null, ["analyzers"], "analyzers", "aws accessanalyzer list-analyzers");

    public static readonly AwsOperation DescribeDirectConnectGateways = new("directconnect", "DescribeDirectConnectGateways", "directconnect:DescribeDirectConnectGateways", false, null, ["directConnectGateways"], "directConnectGateways", "aws directconnect describe-direct-connect-gateways");
    public static readonly AwsOperation DescribeDirectConnectGatewayAssociations = new("directconnect", "DescribeDirectConnectGatewayAssociations", "directconnect:DescribeDirectConnectGatewayAssociations", false, null, ["directConnectGatewayAssociations"], "directConnectGatewayAssociations", "aws directconnect describe-direct-connect-gateway-associations");

    // AWS Network Firewall: the firewalls, then per firewall its subnets, endpoints and policy, per policy its rule
    // groups' references and default actions, per rule group its rules. The network engine filters routed paths with them.
    public static readonly AwsOperation ListFirewalls = new("network-firewall", "ListFirewalls", "network-firewall:ListFirewalls", false, null, ["Firewalls"], "Firewalls", "aws network-firewall list-firewalls");
    public static readonly AwsOperation DescribeFirewall = new("network-firewall", "DescribeFirewall", "network-firewall:DescribeFirewall", false, "FirewallArn", ["Firewall", "FirewallStatus"], null, "aws network-firewall describe-firewall");
    public static readonly AwsOperation DescribeFirewallPolicy = new("network-firewall", "DescribeFirewallPolicy", "network-firewall:DescribeFirewallPolicy", false, "FirewallPolicyArn", ["FirewallPolicyResponse"], null, "aws network-firewall describe-firewall-policy");
    public static readonly AwsOperation DescribeRuleGroup = new("network-firewall", "DescribeRuleGroup", "network-firewall:DescribeRuleGroup", false, "RuleGroupArn", ["RuleGroupResponse"], null, "aws network-firewall describe-rule-group");

    public static readonly AwsOperation DescribeLoadBalancers = Elb("DescribeLoadBalancers", "describe-load-balancers", null, "LoadBalancers");
    public static readonly AwsOperation DescribeListeners = Elb("DescribeListeners", "describe-listeners", "LoadBalancerArn", "Listeners");
    public static readonly AwsOperation DescribeTargetGroups = Elb("DescribeTargetGroups", "describe-target-groups", null, "TargetGroups");
    public static readonly AwsOperation DescribeTargetHealth = Elb("DescribeTargetHealth", "describe-target-health", "TargetGroupArn", "TargetHealthDescriptions");
    public static readonly AwsOperation DescribeTags = Elb("DescribeTags", "describe-tags", null, "TagDescriptions");

    public static readonly AwsOperation ListBuckets = new("s3", "ListBuckets", "s3:ListAllMyBuckets", true, null, ["Buckets"], "Buckets", "aws s3api list-buckets");
    public static readonly AwsOperation GetBucketLocation = S3("GetBucketLocation", "get-bucket-location", "LocationConstraint");
    public static readonly AwsOperation GetBucketPolicy = S3("GetBucketPolicy", "get-bucket-policy", "Policy");
    public static readonly AwsOperation GetBucketPolicyStatus = S3("GetBucketPolicyStatus", "get-bucket-policy-status", "PolicyStatus");
    public static readonly AwsOperation GetPublicAccessBlock = new("s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock", true, "Bucket", ["PublicAccessBlockConfiguration"], null, "aws s3api get-public-access-block");
    public static readonly AwsOperation GetBucketAcl = S3("GetBucketAcl", "get-bucket-acl", "Grants");
    public static readonly AwsOperation GetBucketEncryption = new("s3", "GetBucketEncryption", "s3:GetEncryptionConfiguration", true, "Bucket", ["ServerSideEncryptionConfiguration"], null, "aws s3api get-bucket-encryption");
    public static readonly AwsOperation GetBucketVersioning = S3("GetBucketVersioning", "get-bucket-versioning", "Status");
    public static readonly AwsOperation GetBucketTagging = S3("GetBucketTagging", "get-bucket-tagging", "TagSet");

    public static readonly AwsOperation GetAccountAuthorizationDetails = new("iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails", true, null, ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"], null, "aws iam get-account-authorization-details");
    public static readonly AwsOperation ListUsers = Iam("ListUsers", "list-users", "Users");
    public static readonly AwsOperation ListGroups = Iam("ListGroups", "list-groups", "Groups");
    public static readonly AwsOperation ListRoles = Iam("ListRoles", "list-roles", "Roles");
    public static readonly AwsOperation ListPolicies = Iam("ListPolicies", "list-policies", "Policies");
    public static readonly AwsOperation ListInstanceProfiles = Iam("ListInstanceProfiles", "list-instance-profiles", "InstanceProfiles");
    public static readonly AwsOperation GetCredentialReport = new("iam", "GetCredentialReport", "iam:GetCredentialReport", true, null, ["Content", "ReportFormat"], null, "aws iam get-credential-report");
    public static readonly AwsOperation GetAccountSummary = new("iam", "GetAccountSummary", "iam:GetAccountSummary", true, null, ["SummaryMap"], null, "aws iam get-account-summary");
    public static readonly AwsOperation GetAccountPasswordPolicy = new("iam", "GetAccountPasswordPolicy", "iam:GetAccountPasswordPolicy", true, null, ["PasswordPolicy"], null, "aws iam get-account-password-policy");
    public static readonly AwsOperation ListAccessKeys = new("iam", "ListAccessKeys", "iam:ListAccessKeys", true, "UserName", ["AccessKeyMetadata"], "AccessKeyMetadata", "aws iam list-access-keys");

    // Posture data beyond the foundation's (CIS AWS Foundations and Argus's own checks). Organizations, IAM, S3 Control
    // and Account are account-wide; the rest are regional. Fixed request parameters are the collector's (AwsCollector.Posture).
    public static readonly AwsOperation ListServerCertificates = Iam("ListServerCertificates", "list-server-certificates", "ServerCertificateMetadataList");
    public static readonly AwsOperation ListVirtualMFADevices = Iam("ListVirtualMFADevices", "list-virtual-mfa-devices", "VirtualMFADevices");
    public static readonly AwsOperation GetBucketLogging = S3("GetBucketLogging", "get-bucket-logging", "LoggingEnabled");
    public static readonly AwsOperation GetAccountPublicAccessBlock = new("s3control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock", true, null, ["PublicAccessBlockConfiguration"], null, "aws s3control get-public-access-block");
    public static readonly AwsOperation GetAlternateContact = new("account", "GetAlternateContact", "account:GetAlternateContact", true, null, ["AlternateContact"], null, "aws account get-alternate-contact --alternate-contact-type SECURITY");
    public static readonly AwsOperation GetContactInformation = new("account", "GetContactInformation", "account:GetContactInformation", true, null, ["ContactInformation"], null, "aws account get-contact-information");
    public static readonly AwsOperation ListAccountRegions = new("account", "ListRegions", "account:ListRegions", true, null, ["Regions"], "Regions", "aws account list-regions");
    public static readonly AwsOperation ListServiceControlPolicies = new("organizations", "ListPolicies", "organizations:ListPolicies", true, null, ["Policies"], "Policies", "aws organizations list-policies --filter SERVICE_CONTROL_POLICY");
    public static readonly AwsOperation DescribePolicy = new("organizations", "DescribePolicy", "organizations:DescribePolicy", true, "PolicyId", ["Policy"], null, "aws organizations describe-policy");
    public static readonly AwsOperation ListTargetsForPolicy = Org("ListTargetsForPolicy", "list-targets-for-policy", "PolicyId", "Targets");
    public static readonly AwsOperation ListDelegatedAdministrators = Org("ListDelegatedAdministrators", "list-delegated-administrators", null, "DelegatedAdministrators");

    public static readonly AwsOperation GetEnabledStandards = new("securityhub", "GetEnabledStandards", "securityhub:GetEnabledStandards", false, null, ["StandardsSubscriptions"], "StandardsSubscriptions", "aws securityhub get-enabled-standards");
    public static readonly AwsOperation DescribeDBClusters = new("rds", "DescribeDBClusters", "rds:DescribeDBClusters", false, null, ["DBClusters"], "DBClusters", "aws rds describe-db-clusters");
    public static readonly AwsOperation DescribeDBSnapshots = new("rds", "DescribeDBSnapshots", "rds:DescribeDBSnapshots", false, null, ["DBSnapshots"], "DBSnapshots", "aws rds describe-db-snapshots");
    public static readonly AwsOperation DescribeFileSystemPolicy = new("efs", "DescribeFileSystemPolicy", "elasticfilesystem:DescribeFileSystemPolicy", false, "FileSystemId", ["FileSystemId", "Policy"], null, "aws efs describe-file-system-policy");
    public static readonly AwsOperation ListAliases = new("kms", "ListAliases", "kms:ListAliases", false, null, ["Aliases"], "Aliases", "aws kms list-aliases");
    public static readonly AwsOperation ListAnalyzerFindings = new("accessanalyzer", "ListFindings", "access-analyzer:ListFindings", false, "analyzerArn", ["findings"], "findings", "aws accessanalyzer list-findings --filter '{\"status\":{\"eq\":[\"ACTIVE\"]}}'");
    public static readonly AwsOperation ListWebACLs = new("wafv2", "ListWebACLs", "wafv2:ListWebACLs", false, null, ["WebACLs"], "WebACLs", "aws wafv2 list-web-acls --scope REGIONAL");
    public static readonly AwsOperation ListResourcesForWebACL = new("wafv2", "ListResourcesForWebACL", "wafv2:ListResourcesForWebACL", false, "WebACLArn", ["ResourceArns"], "ResourceArns", "aws wafv2 list-resources-for-web-acl");
    public static readonly AwsOperation DescribeRepositories = new("ecr", "DescribeRepositories", "ecr:DescribeRepositories", false, null, ["repositories"], "repositories", "aws ecr describe-repositories");
    public static readonly AwsOperation GetRepositoryPolicy = new("ecr", "GetRepositoryPolicy", "ecr:GetRepositoryPolicy", false, "repositoryName", ["repositoryName", "policyText"], null, "aws ecr get-repository-policy");
    public static readonly AwsOperation GetLifecyclePolicy = new("ecr", "GetLifecyclePolicy", "ecr:GetLifecyclePolicy", false, "repositoryName", ["repositoryName", "lifecyclePolicyText"], null, "aws ecr get-lifecycle-policy");
    public static readonly AwsOperation BatchGetAccountStatus = new("inspector2", "BatchGetAccountStatus", "inspector2:BatchGetAccountStatus", false, null, ["accounts"], "accounts", "aws inspector2 batch-get-account-status");
    public static readonly AwsOperation ListCoverage = new("inspector2", "ListCoverage", "inspector2:ListCoverage", false, null, ["coveredResources"], "coveredResources", "aws inspector2 list-coverage");
    public static readonly AwsOperation ListClusters = new("eks", "ListClusters", "eks:ListClusters", false, null, ["clusters"], "clusters", "aws eks list-clusters");
    public static readonly AwsOperation DescribeCluster = new("eks", "DescribeCluster", "eks:DescribeCluster", false, "name", ["cluster"], null, "aws eks describe-cluster");
    public static readonly AwsOperation GetLifecyclePolicies = new("dlm", "GetLifecyclePolicies", "dlm:GetLifecyclePolicies", false, null, ["Policies"], "Policies", "aws dlm get-lifecycle-policies");
    // One Data Lifecycle Manager policy with its details (target tags, resource types), per PolicyId: the list's
    // summaries carry no target tags. Not GetLifecyclePolicy above, which is ECR's (same operation name, per repository).
    public static readonly AwsOperation GetDlmLifecyclePolicy = new("dlm", "GetLifecyclePolicy", "dlm:GetLifecyclePolicy", false, "PolicyId", ["Policy"], null, "aws dlm get-lifecycle-policy");
    public static readonly AwsOperation DescribeActiveReceiptRuleSet = new("ses", "DescribeActiveReceiptRuleSet", "ses:DescribeActiveReceiptRuleSet", false, null, ["Metadata", "Rules"], null, "aws ses describe-active-receipt-rule-set");
    public static readonly AwsOperation DescribeEnvironments = new("elasticbeanstalk", "DescribeEnvironments", "elasticbeanstalk:DescribeEnvironments", false, null, ["Environments"], "Environments", "aws elasticbeanstalk describe-environments");
    public static readonly AwsOperation DescribeConfigurationSettings = new("elasticbeanstalk", "DescribeConfigurationSettings", "elasticbeanstalk:DescribeConfigurationSettings", false, "EnvironmentName", ["ConfigurationSettings"], "ConfigurationSettings", "aws elasticbeanstalk describe-configuration-settings");
    public static readonly AwsOperation ListFlows = new("appflow", "ListFlows", "appflow:ListFlows", false, null, ["flows"], "flows", "aws appflow list-flows");
    // One flow's configuration, per flow name: kmsArn is the key its data is encrypted with (absent: AppFlow's AWS managed key).
    public static readonly AwsOperation DescribeFlow = new("appflow", "DescribeFlow", "appflow:DescribeFlow", false, "flowName", ["flowArn", "flowName"], null, "aws appflow describe-flow");
    public static readonly AwsOperation ListImagePipelines = new("imagebuilder", "ListImagePipelines", "imagebuilder:ListImagePipelines", false, null, ["imagePipelineList"], "imagePipelineList", "aws imagebuilder list-image-pipelines");
    // API Gateway's IAM actions are HTTP verbs on resource paths: every read is apigateway:GET.
    public static readonly AwsOperation GetRestApis = new("apigateway", "GetRestApis", "apigateway:GET", false, null, ["items"], "items", "aws apigateway get-rest-apis");
    public static readonly AwsOperation GetStages = new("apigateway", "GetStages", "apigateway:GET", false, "restApiId", ["item"], "item", "aws apigateway get-stages");
    public static readonly AwsOperation ListAppRunnerServices = new("apprunner", "ListServices", "apprunner:ListServices", false, null, ["ServiceSummaryList"], "ServiceSummaryList", "aws apprunner list-services");
    public static readonly AwsOperation ListUserPools = new("cognito-idp", "ListUserPools", "cognito-idp:ListUserPools", false, null, ["UserPools"], "UserPools", "aws cognito-idp list-user-pools --max-results 60");

    /// <summary>Every operation above, in declaration order.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
        typeof(AwsOperations).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(AwsOperation))
            .Select(f => (AwsOperation)f.GetValue(null)!)
            .ToList();

    public static AwsOperation? Find(string service, string operation) =>
        All.FirstOrDefault(o => o.Service == service && o.Operation == operation);

    private static AwsOperation Ec2(string operation, string key) =>
        new("ec2", operation, "ec2:" + operation, false, null, [key], key, "aws ec2 " + Kebab(operation));

    private static AwsOperation Org(string operation, string cli, string? resource, string key) =>
        new("organizations", operation, "organizations:" + operation, true, resource, [key], key == "Organization" ? null : key, "aws organizations " + cli);

    private static AwsOperation Elb(string operation, string cli, string? resource, string key) =>
        new("elbv2", operation, "elasticloadbalancing:" + operation, false, resource, [key], key, "aws elbv2 " + cli);

    private static AwsOperation S3(string operation, string cli, string key) =>
        new("s3", operation, "s3:" + operation, true, "Bucket", [key], key is "Grants" or "TagSet" ? key : null, "aws s3api " + cli);

    private static AwsOperation Config(string operation, string key) =>
        new("config", operation, "config:" + operation, false, null, [key], key, "aws configservice " + Kebab(operation));

    private static AwsOperation Iam(string operation, string cli, string key) =>
        new("iam", operation, "iam:" + operation, true, null, [key], key, "aws iam " + cli);

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
