using System.Text.Json;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Permissions;
using Argus.Aws.Tests.Client;
using Argus.Core.Model;

namespace Argus.Aws.Tests.Collection;

/// <summary>The posture walks against <see cref="FakeAwsAccount"/>: each protocol's answers, per-resource keys, merged answers and gaps.</summary>
public sealed class PostureCollectionTests
{
    private const string WebAcl = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge/a1";

    [Fact]
    public async Task Posture_documents_are_stored_per_resource_in_the_CLI_shape()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        var collector = await Connect(server);

        var documents = collector.ReadDocuments().ToList();
        JsonElement Answer(string region, string service, string operation, string? resource = null) =>
            JsonDocument.Parse(documents.Single(d => d.Region == region && d.Service == service && d.Operation == operation && d.Resource == resource).Json).RootElement;

        // json (wafv2): one stored answer per web ACL, the resource types asked for one by one and merged.
        Assert.Equal(["arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188", "arn:aws:apigateway:eu-west-1::/restapis/r1/stages/prod"],
            Answer("eu-west-1", "wafv2", "ListResourcesForWebACL", WebAcl).GetProperty("ResourceArns").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(4, server.Requests.Count(r => r.Body.Contains(WebAcl, StringComparison.Ordinal)));
        Assert.Contains(server.Requests, r => r.Body.Contains("\"Scope\":\"REGIONAL\"", StringComparison.Ordinal));

        // json (ecr): the policy per repository; no lifecycle policy is "not configured", not a gap.
        Assert.Equal("web", Answer("eu-west-1", "ecr", "GetRepositoryPolicy", "web").GetProperty("repositoryName").GetString());
        Assert.DoesNotContain(documents, d => d.Service == "ecr" && d.Operation == "GetLifecyclePolicy");
        Assert.Equal("2023-11-14T22:13:20+00:00", Answer("eu-west-1", "ecr", "DescribeRepositories").GetProperty("repositories")[0].GetProperty("createdAt").GetString());

        // rest-json (dlm): the policy by its id in the URI, stored per PolicyId apart from ECR's operation of the same name.
        Assert.Equal("backup", Answer("eu-west-1", "dlm", "GetLifecyclePolicy", "policy-0a1").GetProperty("Policy").GetProperty("PolicyDetails").GetProperty("TargetTags")[0].GetProperty("Key").GetString());
        Assert.Contains(account.Calls, c => c == ("dlm", "eu-west-1", "/policies/policy-0a1"));
        Assert.DoesNotContain(documents, d => d.Service == "dlm" && d.Operation == "GetLifecyclePolicy" && d.Region != "eu-west-1");

        // rest-json (appflow): the flow by the name in the request body; its creation time printed as the CLI prints it.
        var flow = Answer("eu-west-1", "appflow", "DescribeFlow", "crm");
        Assert.Equal("arn:aws:kms:eu-west-1:111122223333:key/k1", flow.GetProperty("kmsArn").GetString());
        Assert.Equal("2023-11-14T22:13:20+00:00", flow.GetProperty("createdAt").GetString());
        Assert.Equal(1, Answer("eu-west-1", "appflow", "ListFlows").GetProperty("flows").GetArrayLength());

        // rest-json (eks): the cluster by its name in the URI.
        Assert.True(Answer("eu-west-1", "eks", "DescribeCluster", "prod").GetProperty("cluster").GetProperty("resourcesVpcConfig").GetProperty("endpointPublicAccess").GetBoolean());
        Assert.DoesNotContain(documents, d => d.Region == "eu-central-1" && d.Operation == "DescribeCluster");

        // rest-xml (s3control): the account in its header, stored once for the account.
        Assert.False(Answer(Regions.Global, "s3control", "GetPublicAccessBlock").GetProperty("PublicAccessBlockConfiguration").GetProperty("RestrictPublicBuckets").GetBoolean());
        Assert.Contains(account.Calls, c => c == ("s3control", "us-east-1", FakeAwsAccount.AccountId));

        // json 1.0 (CloudWatch's newer protocol): epoch timestamps printed as the CLI prints them.
        Assert.Equal("2023-11-14T22:13:20+00:00", Answer("eu-west-1", "cloudwatch", "DescribeAlarms").GetProperty("MetricAlarms")[0].GetProperty("StateUpdatedTimestamp").GetString());

        // query (rds, elasticbeanstalk, ses) and rest-json services the account does not use answer empty lists.
        Assert.Equal(0, Answer("eu-central-1", "rds", "DescribeDBClusters").GetProperty("DBClusters").GetArrayLength());
        Assert.Contains(documents, d => d.Service == "inspector2" && d.Operation == "ListCoverage");
        Assert.Contains(documents, d => d.Service == "cognito-idp" && d.Operation == "ListUserPools");

        // rest-xml (s3): logging per bucket; a bucket without logging answers an empty status, stored as the CLI prints it.
        Assert.Equal("site/", Answer(Regions.Global, "s3", "GetBucketLogging", "site-111122223333").GetProperty("LoggingEnabled").GetProperty("TargetPrefix").GetString());
        Assert.Equal(JsonValueKind.Object, Answer(Regions.Global, "s3", "GetBucketLogging", "logs-111122223333").ValueKind);

        // us-east-1's bucket location is null, as the CLI prints it, not "".
        Assert.Equal(JsonValueKind.Null, Answer(Regions.Global, "s3", "GetBucketLocation", "site-111122223333").GetProperty("LocationConstraint").ValueKind);

        // No security contact set: nothing stored, no gap.
        Assert.DoesNotContain(documents, d => d.Operation == "GetAlternateContact");
        Assert.DoesNotContain(collector.Gaps, g => g.Service == "account");
    }

    [Fact]
    public async Task Network_firewalls_are_walked_to_their_policies_and_rule_groups_each_stored_once()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        var collector = await Connect(server);

        var documents = collector.ReadDocuments().Where(d => d.Service == "network-firewall").ToList();

        Assert.Equal(
            ["DescribeFirewall arn:aws:network-firewall:eu-west-1:111122223333:firewall/inspection",
             "DescribeFirewallPolicy arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/inspection",
             "DescribeRuleGroup arn:aws:network-firewall:eu-west-1:111122223333:stateful",
             "DescribeRuleGroup arn:aws:network-firewall:eu-west-1:111122223333:stateless",
             "ListFirewalls "],
            documents.Where(d => d.Region == "eu-west-1").Select(d => $"{d.Operation} {d.Resource}").Order(StringComparer.Ordinal));
        Assert.Equal("vpce-0f1", JsonDocument.Parse(documents.Single(d => d.Operation == "DescribeFirewall").Json).RootElement
            .GetProperty("FirewallStatus").GetProperty("SyncStates").GetProperty("eu-west-1a").GetProperty("Attachment").GetProperty("EndpointId").GetString());
        Assert.DoesNotContain(documents, d => d.Region != "eu-west-1" && d.Operation != "ListFirewalls");
    }

    [Fact]
    public async Task A_denied_posture_call_is_a_gap_naming_its_action()
    {
        var account = new FakeAwsAccount { DenySecurityContact = true };
        using var server = new LocalAwsServer(account.Handle);
        var collector = await Connect(server);

        _ = collector.ReadDocuments().ToList();

        var gap = Assert.Single(collector.Gaps, g => g.Service == "account");
        Assert.Equal((Regions.Global, "GetAlternateContact", "account:GetAlternateContact", GapReason.AccessDenied), (gap.Region, gap.Operation, gap.Permission, gap.Reason));
    }

    [Fact]
    public async Task A_profile_endpoint_url_takes_every_call_of_a_collection_to_a_local_emulator()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries with
        {
            ProfileEndpointUrl = server.Endpoint.ToString(),
            Environment = _ => null,
        });

        var collector = await AwsCollector.ConnectAsync(client, new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey),
            new AwsCollectionOptions { Regions = ["eu-west-1"], CallsPerSecond = 1000 }, null, CancellationToken.None);
        var documents = collector.ReadDocuments().ToList();

        // Every service, S3 Control included (no account host prefix on a configured endpoint), answered locally.
        Assert.Contains(documents, d => d.Service == "s3control");
        Assert.Contains(documents, d => d.Service == "eks" && d.Operation == "DescribeCluster");
        Assert.DoesNotContain(collector.Gaps, g => g.Reason == GapReason.Error);
    }

    private static Task<AwsCollector> Connect(LocalAwsServer server) =>
        AwsCollector.ConnectAsync(
            new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries),
            new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey),
            new AwsCollectionOptions { CallsPerSecond = 1000, Concurrency = 8, Endpoint = server.Endpoint },
            null,
            CancellationToken.None);
}
