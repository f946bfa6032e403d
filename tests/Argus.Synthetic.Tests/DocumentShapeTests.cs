using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Synthetic.Tests;

public sealed class DocumentShapeTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("medium")]
    public void Every_document_is_a_catalog_operation_with_its_result_keys(string preset)
    {
        var organization = GeneratedOrganization.Of(preset);

        Assert.All(organization.Documents, document =>
        {
            var operation = AwsOperations.Find(document.Service, document.Operation);
            Assert.True(operation is not null, $"{document} is not in AwsOperations");
            Assert.Equal(Provider.Aws, document.Provider);
            var root = organization.Parsed[document];
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            foreach (var key in operation.ResultKeys)
            {
                Assert.True(root.TryGetProperty(key, out _), $"{document} lacks {key}");
            }

            if (operation.ItemKey is { } items)
            {
                Assert.Equal(JsonValueKind.Array, root.GetProperty(items).ValueKind);
            }

            Assert.Equal(operation.Global, document.Region == Regions.Global);
            Assert.Equal(operation.PerResource, document.Resource is not null);
        });
    }

    [Fact]
    public void The_demo_answers_every_operation_of_the_catalog()
    {
        var answered = GeneratedOrganization.Of("demo").Documents.Select(d => (d.Service, d.Operation)).ToHashSet();

        Assert.All(AwsOperations.All, o => Assert.Contains((o.Service, o.Operation), answered));
    }

    [Fact]
    public void Each_call_is_answered_once()
    {
        var documents = GeneratedOrganization.Of("medium").Documents;

        var keys = documents.Select(d => d.ToString()).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Per_resource_documents_name_resources_their_listing_contains()
    {
        var organization = GeneratedOrganization.Of("demo");

        foreach (var document in organization.Documents.Where(d => d.Resource is not null))
        {
            var listed = document.Operation switch
            {
                "ListOrganizationalUnitsForParent" or "ListAccountsForParent" =>
                    organization.Items(document.Account, document.Region, "ListOrganizationalUnitsForParent", "OrganizationalUnits").Select(u => GeneratedOrganization.Str(u, "Id"))
                        .Concat(organization.Items(document.Account, document.Region, "ListRoots", "Roots").Select(r => GeneratedOrganization.Str(r, "Id")))
                        .Concat(organization.AllItems("ListOrganizationalUnitsForParent", "OrganizationalUnits").Select(u => GeneratedOrganization.Str(u.Item, "Id"))),
                "GetManagedPrefixListEntries" => organization.Items(document.Account, document.Region, "DescribeManagedPrefixLists", "PrefixLists").Select(p => GeneratedOrganization.Str(p, "PrefixListId")),
                "DescribeListeners" => organization.Items(document.Account, document.Region, "DescribeLoadBalancers", "LoadBalancers").Select(l => GeneratedOrganization.Str(l, "LoadBalancerArn")),
                "DescribeTargetHealth" => organization.Items(document.Account, document.Region, "DescribeTargetGroups", "TargetGroups").Select(t => GeneratedOrganization.Str(t, "TargetGroupArn")),
                "SearchTransitGatewayRoutes" or "GetTransitGatewayRouteTableAssociations" or "GetTransitGatewayRouteTablePropagations" =>
                    organization.Items(document.Account, document.Region, "DescribeTransitGatewayRouteTables", "TransitGatewayRouteTables").Select(t => GeneratedOrganization.Str(t, "TransitGatewayRouteTableId")),
                "ListAccessKeys" => organization.Items(document.Account, document.Region, "ListUsers", "Users").Select(u => GeneratedOrganization.Str(u, "UserName")),
                "GetTrailStatus" or "GetEventSelectors" => organization.Items(document.Account, document.Region, "DescribeTrails", "trailList").Select(t => GeneratedOrganization.Str(t, "TrailARN")),
                _ when document.Service == "kms" => organization.Items(document.Account, document.Region, "ListKeys", "Keys").Select(k => GeneratedOrganization.Str(k, "KeyId")),
                _ when document.Service == "s3" => organization.Items(document.Account, document.Region, "ListBuckets", "Buckets").Select(b => GeneratedOrganization.Str(b, "Name")),
                "DescribePolicy" or "ListTargetsForPolicy" => organization.Documents.Where(d => d.Service == "organizations" && d.Operation == "ListPolicies" && d.Account == document.Account)
                    .SelectMany(d => organization.Parsed[d].GetProperty("Policies").EnumerateArray()).Select(p => GeneratedOrganization.Str(p, "Id")),
                "DescribeFileSystemPolicy" => organization.Items(document.Account, document.Region, "DescribeFileSystems", "FileSystems").Select(f => GeneratedOrganization.Str(f, "FileSystemId")),
                "ListFindings" => organization.Items(document.Account, document.Region, "ListAnalyzers", "analyzers").Select(a => GeneratedOrganization.Str(a, "arn")),
                "ListResourcesForWebACL" => organization.Items(document.Account, document.Region, "ListWebACLs", "WebACLs").Select(a => GeneratedOrganization.Str(a, "ARN")),
                "GetLifecyclePolicy" when document.Service == "dlm" => organization.Items(document.Account, document.Region, "GetLifecyclePolicies", "Policies").Select(p => GeneratedOrganization.Str(p, "PolicyId")),
                "DescribeFlow" => organization.Items(document.Account, document.Region, "ListFlows", "flows").Select(f => GeneratedOrganization.Str(f, "flowName")),
                "GetRepositoryPolicy" or "GetLifecyclePolicy" => organization.Items(document.Account, document.Region, "DescribeRepositories", "repositories").Select(r => GeneratedOrganization.Str(r, "repositoryName")),
                "DescribeCluster" => organization.Items(document.Account, document.Region, "ListClusters", "clusters").Select(c => c.GetString()!),
                "DescribeConfigurationSettings" => organization.Items(document.Account, document.Region, "DescribeEnvironments", "Environments").Select(e => GeneratedOrganization.Str(e, "EnvironmentName")),
                "GetStages" => organization.Items(document.Account, document.Region, "GetRestApis", "items").Select(a => GeneratedOrganization.Str(a, "id")),
                "DescribeFirewall" => organization.Items(document.Account, document.Region, "ListFirewalls", "Firewalls").Select(f => GeneratedOrganization.Str(f, "FirewallArn")),
                "DescribeFirewallPolicy" => Described(organization, document, "DescribeFirewall")
                    .Select(f => GeneratedOrganization.Str(f.GetProperty("Firewall"), "FirewallPolicyArn")),
                "DescribeRuleGroup" => Described(organization, document, "DescribeFirewallPolicy")
                    .SelectMany(p => p.GetProperty("FirewallPolicy").GetProperty("StatelessRuleGroupReferences").EnumerateArray()
                        .Concat(p.GetProperty("FirewallPolicy").GetProperty("StatefulRuleGroupReferences").EnumerateArray()))
                    .Select(r => GeneratedOrganization.Str(r, "ResourceArn")),
                _ => throw new InvalidOperationException($"unexpected per-resource document {document}"),
            };
            Assert.Contains(document.Resource, listed);
        }
    }

    /// <summary>The roots of the per-resource answers of <paramref name="operation"/> in the document's account and region.</summary>
    private static IEnumerable<JsonElement> Described(GeneratedOrganization organization, RawDocument document, string operation) =>
        organization.Documents.Where(d => d.Account == document.Account && d.Region == document.Region && d.Operation == operation)
            .Select(d => organization.Parsed[d]);

    [Fact]
    public void The_coverage_gap_is_a_denied_flow_log_call_with_no_document()
    {
        var organization = GeneratedOrganization.Of("demo");
        var dev = organization.AccountNamed("acme-dev");

        var gap = Assert.Single(organization.Source.Gaps);

        Assert.Equal((Provider.Aws, dev, "us-east-1", "ec2", "DescribeFlowLogs"), (gap.Provider, gap.Account, gap.Region, gap.Service, gap.Operation));
        Assert.Equal("ec2:DescribeFlowLogs", gap.Permission);
        Assert.Equal(GapReason.AccessDenied, gap.Reason);
        Assert.Contains("UnauthorizedOperation", gap.Message);
        Assert.Contains("You are not authorized to perform this operation.", gap.Message);
        Assert.Null(organization.Find(dev, "us-east-1", "DescribeFlowLogs"));
        Assert.NotNull(organization.Find(dev, "eu-west-1", "DescribeFlowLogs"));
    }

    [Fact]
    public void Timestamps_are_printed_as_the_cli_prints_them_and_precede_the_collection()
    {
        var organization = GeneratedOrganization.Of("demo");
        var started = organization.Source.Header.StartedAt!.Value;

        var times = organization.AllItems("DescribeInstances", "Reservations")
            .SelectMany(r => r.Item.GetProperty("Instances").EnumerateArray())
            .Select(i => GeneratedOrganization.Str(i, "LaunchTime"))
            .ToList();

        Assert.NotEmpty(times);
        Assert.All(times, t =>
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", t);
            Assert.True(DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture) < started);
        });
    }

    [Fact]
    public void The_lifecycle_policy_targets_the_tagged_production_data_volumes_and_flows_are_described()
    {
        var organization = GeneratedOrganization.Of("demo");
        var prod = organization.AccountNamed("acme-prod");

        var policy = organization.Parsed[organization.Documents.Single(d => d.Account == prod && d.Region == "eu-west-1" && d.Service == "dlm" && d.Operation == "GetLifecyclePolicy")]
            .GetProperty("Policy").GetProperty("PolicyDetails");
        Assert.Equal(["VOLUME"], policy.GetProperty("ResourceTypes").EnumerateArray().Select(t => t.GetString()));
        var target = policy.GetProperty("TargetTags")[0];
        var tagged = organization.Items(prod, "eu-west-1", "DescribeVolumes", "Volumes")
            .Where(v => v.TryGetProperty("Tags", out var tags) && tags.EnumerateArray().Any(t => t.GetProperty("Key").GetString() == target.GetProperty("Key").GetString()
                && t.GetProperty("Value").GetString() == target.GetProperty("Value").GetString()))
            .ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, v => Assert.NotEqual("/dev/xvda", v.GetProperty("Attachments")[0].GetProperty("Device").GetString()));

        var flows = organization.Documents.Where(d => d.Operation == "DescribeFlow").ToList();
        Assert.Equal(2, flows.Count);
        Assert.Single(flows, f => organization.Parsed[f].TryGetProperty("kmsArn", out _));
    }
}
