using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>
/// The regional posture services beyond the foundation's, as a collection stores them. Workload accounts run
/// containers in their home region (ECR repositories, production an EKS cluster with a public endpoint and a REST
/// API and a Cognito user pool); the first development account has an Elastic Beanstalk environment without managed
/// updates; the network account shares an EFS file system. A web ACL protects the first internet-facing application load balancer of a region, not the others.
/// Production data volumes carry the tag their DLM policy targets; the first production and development accounts run an AppFlow flow.
/// Inspector scans EC2 and ECR everywhere; DLM snapshots production volumes; Security Hub runs the CIS and AWS
/// foundational standards. Everything else answers the empty lists of an account that does not use the service.
/// </summary>
internal static class ServicePostureDocuments
{
    public static IEnumerable<RawDocument> All(DocumentWriter d, RegionModel m)
    {
        var id = m.Account.Id;
        var region = m.Region;
        var home = m.Skeleton.RegionIndex == 0;
        var ids = m.Org.Ids(m.Account, region);
        var workload = m.Account.Role == AccountRole.Workload;

        yield return d.List(id, region, AwsOperations.GetEnabledStandards, new[] { "cis-aws-foundations-benchmark/v/1.4.0", "aws-foundational-security-best-practices/v/1.0.0" }, (w, standard) =>
        {
            w.WriteString("StandardsSubscriptionArn"u8, $"arn:aws:securityhub:{region}:{id}:subscription/{standard}");
            w.WriteString("StandardsArn"u8, $"arn:aws:securityhub:{region}::standards/{standard}");
            w.WriteStartObject("StandardsInput"u8);
            w.WriteEndObject();
            w.WriteString("StandardsStatus"u8, "READY");
        });
        yield return d.List(id, region, AwsOperations.DescribeDBClusters, Array.Empty<string>(), (_, _) => { });
        yield return d.List(id, region, AwsOperations.DescribeDBSnapshots, Array.Empty<string>(), (_, _) => { });

        // The network account keeps one shared file system (DNS and proxy configuration) in its home region, open by its policy.
        var fileSystems = home && m.Account == m.Org.Network ? new[] { "fs-" + ids.Hex("efs", 0, 17) } : [];
        yield return d.List(id, region, AwsOperations.DescribeFileSystems, fileSystems, (w, fs) =>
        {
            w.WriteString("OwnerId"u8, id);
            w.WriteString("CreationToken"u8, $"{m.Account.Prefix}-shared");
            w.WriteString("FileSystemId"u8, fs);
            w.WriteString("FileSystemArn"u8, $"arn:aws:elasticfilesystem:{region}:{id}:file-system/{fs}");
            w.WriteTime("CreationTime"u8, m.Account.Joined.AddDays(15));
            w.WriteString("LifeCycleState"u8, "available");
            w.WriteString("Name"u8, $"{m.Account.Prefix}-shared");
            w.WriteNumber("NumberOfMountTargets"u8, 0);
            w.WriteStartObject("SizeInBytes"u8);
            w.WriteNumber("Value"u8, 6144);
            w.WriteEndObject();
            w.WriteString("PerformanceMode"u8, "generalPurpose");
            w.WriteBoolean("Encrypted"u8, true);
            w.WriteString("KmsKeyId"u8, $"arn:aws:kms:{region}:{id}:key/{ids.Uuid("kms-key", 0)}");
            w.WriteString("ThroughputMode"u8, "elastic");
            w.WriteTags([new Tag("Name", $"{m.Account.Prefix}-shared")]);
        });
        foreach (var fs in fileSystems)
        {
            var policy = d.Start();
            policy.WriteString("FileSystemId"u8, fs);
            policy.WriteString("Policy"u8, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["elasticfilesystem:ClientMount"],"Condition":{"Bool":{"elasticfilesystem:AccessedViaMountTarget":"true"}}}]}""");
            yield return d.Finish(id, region, AwsOperations.DescribeFileSystemPolicy, fs);
        }

        var key = ids.Uuid("kms-key", 0);
        yield return d.List(id, region, AwsOperations.ListAliases, new[] { "alias/aws/ebs", $"alias/{m.Account.Name}-data", "alias/aws/s3" }.Order(StringComparer.Ordinal), (w, alias) =>
        {
            w.WriteString("AliasName"u8, alias);
            w.WriteString("AliasArn"u8, $"arn:aws:kms:{region}:{id}:{alias}");
            if (!alias.StartsWith("alias/aws/", StringComparison.Ordinal))
            {
                w.WriteString("TargetKeyId"u8, key);
                w.WriteTime("CreationDate"u8, m.Account.Joined.AddDays(3));
                w.WriteTime("LastUpdatedDate"u8, m.Account.Joined.AddDays(3));
            }
        });

        if (home)
        {
            var analyzer = $"arn:aws:access-analyzer:{region}:{id}:analyzer/{m.Account.Name}";
            var external = m.Account == m.Org.FirstProduction ? new[] { $"arn:aws:iam::{id}:role/{m.Account.Prefix}-vendor-audit" } : [];
            yield return d.List(id, region, AwsOperations.ListAnalyzerFindings, external, (w, role) =>
            {
                w.WriteString("id"u8, ids.Uuid("analyzer-finding", 0));
                w.WriteStartObject("principal"u8);
                w.WriteString("AWS"u8, "arn:aws:iam::999988887777:root");
                w.WriteEndObject();
                w.WriteStrings("action"u8, ["sts:AssumeRole"]);
                w.WriteString("resource"u8, role);
                w.WriteBoolean("isPublic"u8, false);
                w.WriteString("resourceType"u8, "AWS::IAM::Role");
                w.WriteStartObject("condition"u8);
                w.WriteEndObject();
                w.WriteTime("createdAt"u8, m.Org.Now.AddDays(-40));
                w.WriteTime("analyzedAt"u8, m.Org.Now.AddHours(-5));
                w.WriteTime("updatedAt"u8, m.Org.Now.AddDays(-40));
                w.WriteString("status"u8, "ACTIVE");
                w.WriteString("resourceOwnerAccount"u8, id);
            }, analyzer);
        }

        foreach (var document in WebAcls(d, m))
        {
            yield return document;
        }

        foreach (var document in Containers(d, m, home && workload))
        {
            yield return document;
        }

        var w = d.Start();
        w.WriteStartArray("accounts"u8);
        w.WriteStartObject();
        w.WriteString("accountId"u8, id);
        w.WriteStartObject("state"u8);
        w.WriteString("status"u8, "ENABLED");
        w.WriteEndObject();
        w.WriteStartObject("resourceState"u8);
        foreach (var (scan, status) in new[] { ("ec2", "ENABLED"), ("ecr", "ENABLED"), ("lambda", "DISABLED"), ("lambdaCode", "DISABLED") })
        {
            w.WriteStartObject(scan);
            w.WriteString("status"u8, status);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEmptyArray("failedAccounts"u8);
        yield return d.Finish(id, region, AwsOperations.BatchGetAccountStatus);

        yield return d.List(id, region, AwsOperations.ListCoverage, m.Instances, (c, instance) =>
        {
            c.WriteString("resourceId"u8, instance.Id);
            c.WriteString("resourceType"u8, "AWS_EC2_INSTANCE");
            c.WriteString("accountId"u8, id);
            c.WriteString("scanType"u8, "PACKAGE");
            c.WriteStartObject("scanStatus"u8);
            c.WriteString("statusCode"u8, "ACTIVE");
            c.WriteString("reason"u8, "SUCCESSFUL");
            c.WriteEndObject();
            c.WriteStartObject("resourceMetadata"u8);
            c.WriteStartObject("ec2"u8);
            c.WriteString("amiId"u8, instance.ImageId);
            c.WriteString("platform"u8, instance.Windows ? "WINDOWS" : "LINUX");
            c.WriteEndObject();
            c.WriteEndObject();
            c.WriteString("scanMode"u8, "EC2_SSM_AGENT_BASED");
        });

        var snapshots = m.Account.IsProduction ? new[] { "policy-" + ids.Hex("dlm-policy", 0, 17) } : [];
        yield return d.List(id, region, AwsOperations.GetLifecyclePolicies, snapshots, (p, policy) =>
        {
            p.WriteString("PolicyId"u8, policy);
            p.WriteString("Description"u8, "Daily EBS snapshots, kept 14 days");
            p.WriteString("State"u8, "ENABLED");
            p.WriteStartObject("Tags"u8);
            p.WriteEndObject();
            p.WriteString("PolicyType"u8, "EBS_SNAPSHOT_MANAGEMENT");
            p.WriteBoolean("DefaultPolicy"u8, false);
        });
        foreach (var policy in snapshots)
        {
            yield return LifecyclePolicy(d, m, policy);
        }

        // Mail for the company domain is received by the management account in its home region; elsewhere no rule
        // set is active, an empty answer that stores nothing.
        if (home && m.Account == m.Org.Management)
        {
            w = d.Start();
            w.WriteStartObject("Metadata"u8);
            w.WriteString("Name"u8, "inbound");
            w.WriteTime("CreatedTimestamp"u8, m.Account.Joined.AddDays(5));
            w.WriteEndObject();
            w.WriteObjects("Rules"u8, new[] { "store-to-s3" }, rule =>
            {
                w.WriteString("Name"u8, rule);
                w.WriteBoolean("Enabled"u8, true);
                w.WriteString("TlsPolicy"u8, "Optional");
                w.WriteStrings("Recipients"u8, [$"inbound@{m.Org.Company}.example"]);
                w.WriteObjects("Actions"u8, new[] { m.Org.LogBucket }, bucket =>
                {
                    w.WriteStartObject("S3Action"u8);
                    w.WriteString("BucketName"u8, bucket);
                    w.WriteString("ObjectKeyPrefix"u8, "mail/");
                    w.WriteEndObject();
                });
                w.WriteBoolean("ScanEnabled"u8, true);
            });
            yield return d.Finish(id, region, AwsOperations.DescribeActiveReceiptRuleSet);
        }

        foreach (var document in Beanstalk(d, m, home && m.Account == m.Org.FirstDevelopment))
        {
            yield return document;
        }

        foreach (var document in Flows(d, m, home, key))
        {
            yield return document;
        }

        yield return d.List(id, region, AwsOperations.ListImagePipelines, Array.Empty<string>(), (_, _) => { });
        yield return d.List(id, region, AwsOperations.ListAppRunnerServices, Array.Empty<string>(), (_, _) => { });
    }

    private static IEnumerable<RawDocument> WebAcls(DocumentWriter d, RegionModel m)
    {
        var id = m.Account.Id;
        var protectedBalancer = m.LoadBalancers.FirstOrDefault(l => l.Type == "application" && l.Scheme == "internet-facing");
        var acls = protectedBalancer is null ? [] : new[] { (Name: $"{m.Account.Prefix}-edge", Id: m.Org.Ids(m.Account, m.Region).Uuid("web-acl", 0)) };
        string Arn((string Name, string Id) acl) => $"arn:aws:wafv2:{m.Region}:{id}:regional/webacl/{acl.Name}/{acl.Id}";
        yield return d.List(id, m.Region, AwsOperations.ListWebACLs, acls, (w, acl) =>
        {
            w.WriteString("Name"u8, acl.Name);
            w.WriteString("Id"u8, acl.Id);
            w.WriteString("Description"u8, "AWS managed rule groups for the public load balancer");
            w.WriteString("LockToken"u8, m.Org.Ids(m.Account, m.Region).Uuid("web-acl-lock", 0));
            w.WriteString("ARN"u8, Arn(acl));
        });
        foreach (var acl in acls)
        {
            var w = d.Start();
            w.WriteStrings("ResourceArns"u8, [protectedBalancer!.Arn]);
            yield return d.Finish(id, m.Region, AwsOperations.ListResourcesForWebACL, Arn(acl));
        }
    }

    private static IEnumerable<RawDocument> Containers(DocumentWriter d, RegionModel m, bool used)
    {
        var id = m.Account.Id;
        var region = m.Region;
        var ids = m.Org.Ids(m.Account, region);
        var repositories = used ? new[] { $"{m.Account.Team}/api", $"{m.Account.Team}/worker" } : [];
        yield return d.List(id, region, AwsOperations.DescribeRepositories, repositories, (w, name) =>
        {
            w.WriteString("repositoryArn"u8, $"arn:aws:ecr:{region}:{id}:repository/{name}");
            w.WriteString("registryId"u8, id);
            w.WriteString("repositoryName"u8, name);
            w.WriteString("repositoryUri"u8, $"{id}.dkr.ecr.{region}.amazonaws.com/{name}");
            w.WriteTime("createdAt"u8, m.Account.Joined.AddDays(30));
            w.WriteString("imageTagMutability"u8, name.EndsWith("/api", StringComparison.Ordinal) ? "IMMUTABLE" : "MUTABLE");
            w.WriteStartObject("imageScanningConfiguration"u8);
            w.WriteBoolean("scanOnPush"u8, name.EndsWith("/api", StringComparison.Ordinal));
            w.WriteEndObject();
            w.WriteStartObject("encryptionConfiguration"u8);
            w.WriteString("encryptionType"u8, "AES256");
            w.WriteEndObject();
        });
        foreach (var name in repositories)
        {
            var w = d.Start();
            w.WriteString("registryId"u8, id);
            w.WriteString("repositoryName"u8, name);
            if (name.EndsWith("/api", StringComparison.Ordinal))
            {
                // Pulled by the CI account of the organization: readable from outside this account.
                w.WriteString("policyText"u8, """{"Version":"2012-10-17","Statement":[{"Sid":"OrgPull","Effect":"Allow","Principal":"*","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":""" + JsonSerializer.Serialize(m.Org.OrganizationId) + "}}}]}");
                yield return d.Finish(id, region, AwsOperations.GetRepositoryPolicy, name);
            }
            else
            {
                w.WriteString("lifecyclePolicyText"u8, """{"rules":[{"rulePriority":1,"description":"expire untagged","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}""");
                w.WriteTime("lastEvaluatedAt"u8, m.Org.Now.AddHours(-7));
                yield return d.Finish(id, region, AwsOperations.GetLifecyclePolicy, name);
            }
        }

        var production = used && m.Account.IsProduction;
        var clusters = production ? new[] { $"{m.Account.Prefix}-eks" } : [];
        var w2 = d.Start();
        w2.WriteStrings("clusters"u8, clusters);
        yield return d.Finish(id, region, AwsOperations.ListClusters);
        foreach (var cluster in clusters)
        {
            yield return Cluster(d, m, cluster);
        }

        var apis = production ? new[] { ids.Alnum("rest-api", 0, 10) } : [];
        yield return d.List(id, region, AwsOperations.GetRestApis, apis, (w, api) =>
        {
            w.WriteString("id"u8, api);
            w.WriteString("name"u8, $"{m.Account.Prefix}-public-api");
            w.WriteTime("createdDate"u8, m.Account.Joined.AddDays(60));
            w.WriteString("apiKeySource"u8, "HEADER");
            w.WriteStartObject("endpointConfiguration"u8);
            w.WriteStrings("types"u8, ["REGIONAL"]);
            w.WriteEndObject();
            w.WriteBoolean("disableExecuteApiEndpoint"u8, false);
            w.WriteString("rootResourceId"u8, ids.Alnum("rest-api-root", 0, 10));
        });
        foreach (var api in apis)
        {
            yield return d.List(id, region, AwsOperations.GetStages, new[] { "prod" }, (w, stage) =>
            {
                w.WriteString("deploymentId"u8, ids.Alnum("rest-api-deployment", 0, 6));
                w.WriteString("stageName"u8, stage);
                w.WriteBoolean("cacheClusterEnabled"u8, false);
                w.WriteString("cacheClusterStatus"u8, "NOT_AVAILABLE");
                w.WriteStartObject("methodSettings"u8);
                w.WriteEndObject();
                w.WriteBoolean("tracingEnabled"u8, false);
                w.WriteTime("createdDate"u8, m.Account.Joined.AddDays(60));
                w.WriteTime("lastUpdatedDate"u8, m.Org.Now.AddDays(-3));
            }, api);
        }

        var pools = production ? new[] { $"{region}_{ids.Alnum("user-pool", 0, 9).ToUpperInvariant()}" } : [];
        yield return d.List(id, region, AwsOperations.ListUserPools, pools, (w, pool) =>
        {
            w.WriteString("Id"u8, pool);
            w.WriteString("Name"u8, $"{m.Account.Prefix}-customers");
            w.WriteStartObject("LambdaConfig"u8);
            w.WriteEndObject();
            w.WriteTime("LastModifiedDate"u8, m.Org.Now.AddDays(-12));
            w.WriteTime("CreationDate"u8, m.Account.Joined.AddDays(61));
        });
    }

    private static RawDocument Cluster(DocumentWriter d, RegionModel m, string name)
    {
        var id = m.Account.Id;
        var vpc = m.Vpcs.First(v => !v.IsDefault);
        var subnets = m.Subnets.Where(s => s.Vpc == vpc && s.Tier == Topology.SubnetTier.Private).Take(3).Select(s => s.Id).ToList();
        var group = m.SecurityGroups.First(g => g.Vpc == vpc).Id;
        var ids = m.Org.Ids(m.Account, m.Region);
        var w = d.Start();
        w.WriteStartObject("cluster"u8);
        w.WriteString("name"u8, name);
        w.WriteString("arn"u8, $"arn:aws:eks:{m.Region}:{id}:cluster/{name}");
        w.WriteTime("createdAt"u8, m.Account.Joined.AddDays(90));
        w.WriteString("version"u8, "1.30");
        w.WriteString("endpoint"u8, $"https://{ids.Hex("eks-endpoint", 0, 32).ToUpperInvariant()}.gr7.{m.Region}.eks.amazonaws.com");
        w.WriteString("roleArn"u8, $"arn:aws:iam::{id}:role/{m.Account.Prefix}-eks-cluster");
        w.WriteStartObject("resourcesVpcConfig"u8);
        w.WriteStrings("subnetIds"u8, subnets);
        w.WriteStrings("securityGroupIds"u8, [group]);
        w.WriteString("vpcId"u8, vpc.Id);
        w.WriteBoolean("endpointPublicAccess"u8, true);
        w.WriteBoolean("endpointPrivateAccess"u8, true);
        w.WriteStrings("publicAccessCidrs"u8, ["0.0.0.0/0"]);
        w.WriteEndObject();
        w.WriteStartObject("kubernetesNetworkConfig"u8);
        w.WriteString("serviceIpv4Cidr"u8, "172.20.0.0/16");
        w.WriteString("ipFamily"u8, "ipv4");
        w.WriteEndObject();
        w.WriteStartObject("logging"u8);
        w.WriteStartArray("clusterLogging"u8);
        Logging(w, ["api", "audit"], true);
        Logging(w, ["authenticator", "controllerManager", "scheduler"], false);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("identity"u8);
        w.WriteStartObject("oidc"u8);
        w.WriteString("issuer"u8, $"https://oidc.eks.{m.Region}.amazonaws.com/id/{ids.Hex("eks-oidc", 0, 32).ToUpperInvariant()}");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("status"u8, "ACTIVE");
        w.WriteString("platformVersion"u8, "eks.8");
        w.WriteStartObject("tags"u8);
        w.WriteString("team"u8, m.Account.Team);
        w.WriteEndObject();
        w.WriteStartObject("accessConfig"u8);
        w.WriteString("authenticationMode"u8, "API_AND_CONFIG_MAP");
        w.WriteEndObject();
        w.WriteEndObject();
        return d.Finish(id, m.Region, AwsOperations.DescribeCluster, name);
    }

    private static void Logging(Utf8JsonWriter w, string[] types, bool enabled)
    {
        w.WriteStartObject();
        w.WriteStrings("types"u8, types);
        w.WriteBoolean("enabled"u8, enabled);
        w.WriteEndObject();
    }

    /// <summary>
    /// The production snapshot policy as dlm:GetLifecyclePolicy answers it: daily snapshots, kept 14, of the volumes
    /// tagged <see cref="RegionPlanner.BackupTag"/> (production data volumes).
    /// </summary>
    private static RawDocument LifecyclePolicy(DocumentWriter d, RegionModel m, string policy)
    {
        var id = m.Account.Id;
        var w = d.Start();
        w.WriteStartObject("Policy"u8);
        w.WriteString("PolicyId"u8, policy);
        w.WriteString("Description"u8, "Daily EBS snapshots, kept 14 days");
        w.WriteString("State"u8, "ENABLED");
        w.WriteString("StatusMessage"u8, "ENABLED");
        w.WriteString("ExecutionRoleArn"u8, $"arn:aws:iam::{id}:role/service-role/AWSDataLifecycleManagerDefaultRole");
        w.WriteTime("DateCreated"u8, m.Account.Joined.AddDays(45));
        w.WriteTime("DateModified"u8, m.Account.Joined.AddDays(45));
        w.WriteStartObject("PolicyDetails"u8);
        w.WriteString("PolicyType"u8, "EBS_SNAPSHOT_MANAGEMENT");
        w.WriteStrings("ResourceTypes"u8, ["VOLUME"]);
        w.WriteStrings("ResourceLocations"u8, ["CLOUD"]);
        w.WriteTags("TargetTags"u8, [RegionPlanner.BackupTag]);
        w.WriteObjects("Schedules"u8, new[] { "daily" }, name =>
        {
            w.WriteString("Name"u8, name);
            w.WriteBoolean("CopyTags"u8, true);
            w.WriteStartObject("CreateRule"u8);
            w.WriteNumber("Interval"u8, 24);
            w.WriteString("IntervalUnit"u8, "HOURS");
            w.WriteStrings("Times"u8, ["03:00"]);
            w.WriteEndObject();
            w.WriteStartObject("RetainRule"u8);
            w.WriteNumber("Count"u8, 14);
            w.WriteEndObject();
        });
        w.WriteEndObject();
        w.WriteStartObject("Tags"u8);
        w.WriteEndObject();
        w.WriteString("PolicyArn"u8, $"arn:aws:dlm:{m.Region}:{id}:policy/{policy}");
        w.WriteBoolean("DefaultPolicy"u8, false);
        w.WriteEndObject();
        return d.Finish(id, m.Region, AwsOperations.GetDlmLifecyclePolicy, policy);
    }

    /// <summary>
    /// Amazon AppFlow in the home region of the first production account (CRM accounts into the data bucket, with
    /// the account's own key) and of the first development account (the same flow left on AppFlow's AWS managed key).
    /// </summary>
    private static IEnumerable<RawDocument> Flows(DocumentWriter d, RegionModel m, bool home, string key)
    {
        var id = m.Account.Id;
        var region = m.Region;
        var used = home && (m.Account == m.Org.FirstProduction || m.Account == m.Org.FirstDevelopment);
        var flows = used ? new[] { $"{m.Account.Prefix}-crm-accounts" } : [];
        var keyArn = m.Account == m.Org.FirstProduction ? $"arn:aws:kms:{region}:{id}:key/{key}" : null;
        string Arn(string flow) => $"arn:aws:appflow:{region}:{id}:flow/{flow}";
        yield return d.List(id, region, AwsOperations.ListFlows, flows, (w, flow) =>
        {
            w.WriteString("flowArn"u8, Arn(flow));
            w.WriteString("description"u8, "CRM accounts to the data bucket, daily");
            w.WriteString("flowName"u8, flow);
            w.WriteString("flowStatus"u8, "Active");
            w.WriteString("sourceConnectorType"u8, "Salesforce");
            w.WriteString("destinationConnectorType"u8, "S3");
            w.WriteString("triggerType"u8, "Scheduled");
            w.WriteTime("createdAt"u8, m.Account.Joined.AddDays(70));
            w.WriteTime("lastUpdatedAt"u8, m.Org.Now.AddDays(-20));
            w.WriteString("createdBy"u8, $"arn:aws:sts::{id}:assumed-role/{m.Account.Prefix}-admin/terraform");
            w.WriteString("lastUpdatedBy"u8, $"arn:aws:sts::{id}:assumed-role/{m.Account.Prefix}-admin/terraform");
            w.WriteStartObject("tags"u8);
            w.WriteEndObject();
        });
        foreach (var flow in flows)
        {
            var w = d.Start();
            w.WriteString("flowArn"u8, Arn(flow));
            w.WriteString("description"u8, "CRM accounts to the data bucket, daily");
            w.WriteString("flowName"u8, flow);
            if (keyArn is not null)
            {
                w.WriteString("kmsArn"u8, keyArn);
            }

            w.WriteString("flowStatus"u8, "Active");
            w.WriteStartObject("sourceFlowConfig"u8);
            w.WriteString("connectorType"u8, "Salesforce");
            w.WriteString("connectorProfileName"u8, $"{m.Account.Prefix}-salesforce");
            w.WriteStartObject("sourceConnectorProperties"u8);
            w.WriteStartObject("Salesforce"u8);
            w.WriteString("object"u8, "Account");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteObjects("destinationFlowConfigList"u8, new[] { m.Org.Ids(m.Account, region).Hex("appflow-bucket", 0, 8) }, suffix =>
            {
                w.WriteString("connectorType"u8, "S3");
                w.WriteStartObject("destinationConnectorProperties"u8);
                w.WriteStartObject("S3"u8);
                w.WriteString("bucketName"u8, $"{m.Account.Prefix}-crm-{suffix}");
                w.WriteString("bucketPrefix"u8, "accounts");
                w.WriteEndObject();
                w.WriteEndObject();
            });
            w.WriteStartObject("triggerConfig"u8);
            w.WriteString("triggerType"u8, "Scheduled");
            w.WriteEndObject();
            w.WriteEmptyArray("tasks"u8);
            w.WriteTime("createdAt"u8, m.Account.Joined.AddDays(70));
            w.WriteTime("lastUpdatedAt"u8, m.Org.Now.AddDays(-20));
            w.WriteString("createdBy"u8, $"arn:aws:sts::{id}:assumed-role/{m.Account.Prefix}-admin/terraform");
            w.WriteStartObject("tags"u8);
            w.WriteEndObject();
            yield return d.Finish(id, region, AwsOperations.DescribeFlow, flow);
        }
    }

    private static IEnumerable<RawDocument> Beanstalk(DocumentWriter d, RegionModel m, bool used)
    {
        var id = m.Account.Id;
        var region = m.Region;
        var application = $"{m.Account.Prefix}-web";
        var environment = $"{m.Account.Prefix}-web-env";
        const string Stack = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20";
        var platform = $"arn:aws:elasticbeanstalk:{region}::platform/Node.js 20 running on 64bit Amazon Linux 2023/6.1.0";
        yield return d.List(id, region, AwsOperations.DescribeEnvironments, used ? new[] { environment } : [], (w, name) =>
        {
            w.WriteString("EnvironmentName"u8, name);
            w.WriteString("EnvironmentId"u8, "e-" + m.Org.Ids(m.Account, region).Alnum("beanstalk-env", 0, 10));
            w.WriteString("ApplicationName"u8, application);
            w.WriteString("VersionLabel"u8, "v42");
            w.WriteString("SolutionStackName"u8, Stack);
            w.WriteString("PlatformArn"u8, platform);
            w.WriteString("EndpointURL"u8, $"awseb-e-web-{m.Account.Prefix}.{region}.elb.amazonaws.com");
            w.WriteString("CNAME"u8, $"{name}.{region}.elasticbeanstalk.com");
            w.WriteTime("DateCreated"u8, m.Account.Joined.AddDays(20));
            w.WriteTime("DateUpdated"u8, m.Org.Now.AddDays(-9));
            w.WriteString("Status"u8, "Ready");
            w.WriteBoolean("AbortableOperationInProgress"u8, false);
            w.WriteString("Health"u8, "Green");
            w.WriteString("HealthStatus"u8, "Ok");
            w.WriteStartObject("Tier"u8);
            w.WriteString("Name"u8, "WebServer");
            w.WriteString("Type"u8, "Standard");
            w.WriteString("Version"u8, "1.0");
            w.WriteEndObject();
            w.WriteEmptyArray("EnvironmentLinks"u8);
            w.WriteString("EnvironmentArn"u8, $"arn:aws:elasticbeanstalk:{region}:{id}:environment/{application}/{name}");
        });
        if (!used)
        {
            yield break;
        }

        yield return d.List(id, region, AwsOperations.DescribeConfigurationSettings, new[] { environment }, (w, name) =>
        {
            w.WriteString("SolutionStackName"u8, Stack);
            w.WriteString("PlatformArn"u8, platform);
            w.WriteString("ApplicationName"u8, application);
            w.WriteString("EnvironmentName"u8, name);
            w.WriteString("DeploymentStatus"u8, "deployed");
            w.WriteTime("DateCreated"u8, m.Account.Joined.AddDays(20));
            w.WriteTime("DateUpdated"u8, m.Org.Now.AddDays(-9));
            w.WriteObjects("OptionSettings"u8, new[]
            {
                ("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", "false"),
                ("aws:elasticbeanstalk:healthreporting:system", "SystemType", "basic"),
                ("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", "false"),
                ("aws:elb:listener:443", "ListenerProtocol", "HTTPS"),
            }, o =>
            {
                w.WriteString("Namespace"u8, o.Item1);
                w.WriteString("OptionName"u8, o.Item2);
                w.WriteString("Value"u8, o.Item3);
            });
        }, environment);
    }
}
