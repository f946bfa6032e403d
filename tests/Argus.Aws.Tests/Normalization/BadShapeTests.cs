using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Normalization;
using Argus.Aws.Operations;
using Argus.Core.Inventory;
using Argus.Core.Model;
using Argus.Tests;
using static Argus.Aws.Tests.Normalization.Normalized;

namespace Argus.Aws.Tests.Normalization;

/// <summary>Unexpected shapes are reported with where they are, skipped, and never stop the group.</summary>
public sealed class BadShapeTests
{
    [Fact]
    public void Bad_items_are_reported_by_position_and_good_ones_kept()
    {
        var n = Of("eu-west-1",
            Doc(AwsOperations.DescribeVpcs, """
                {"Vpcs": [42, {"CidrBlock": "10.0.0.0/16"}, {"VpcId": 7}, {"VpcId": "vpc-0ok", "OwnerId": 5, "Tags": "oops", "CidrBlock": "10.1.0.0/16"}]}
                """, region: "eu-west-1"));

        Assert.Equal(["arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-0ok"], n.Ids(AwsAssetTypes.Vpc));
        Assert.Equal("vpc-0ok", n.Asset("arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-0ok").Name);
        AssertWarned(n, "Vpcs[0] is a number, expected an object");
        AssertWarned(n, "Vpcs[1]: no \"VpcId\"");
        AssertWarned(n, "Vpcs[2]: \"VpcId\" is a number");
        AssertWarned(n, "Vpcs[3]: \"OwnerId\" is a number");
        AssertWarned(n, "Vpcs[3]: \"Tags\" is a string");
        Assert.All(n.Warnings, w => Assert.StartsWith("aws/111111111111/eu-west-1/ec2/DescribeVpcs: ", w, StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_answers_and_nested_members_are_reported()
    {
        var n = Of("eu-west-1",
            Doc(AwsOperations.DescribeSubnets, """{"Subnets": {"not": "a list"}}""", region: "eu-west-1"),
            Doc(AwsOperations.DescribeSecurityGroups, "[1, 2]", region: "eu-west-1"),
            Doc(AwsOperations.DescribeRouteTables, "{ not json", region: "eu-west-1"),
            Doc(AwsOperations.DescribeNatGateways, """{"Something": []}""", region: "eu-west-1"),
            Doc(AwsOperations.DescribeInstances, """
                {"Reservations": [{"Instances": "x"}, {"OwnerId": "111111111111", "Instances": [
                  {"InstanceId": "i-0a", "SecurityGroups": [{"GroupId": 5}, "sg-0a", {"GroupId": "sg-0b"}], "IamInstanceProfile": "profile", "NetworkInterfaces": 3}]}]}
                """, region: "eu-west-1"));

        AssertWarned(n, "\"Subnets\" is an object, expected a list");
        AssertWarned(n, "DescribeSecurityGroups: the answer is a list, expected an object");
        AssertWarned(n, "DescribeRouteTables: not valid JSON");
        AssertWarned(n, "the answer has no \"NatGateways\" list");
        AssertWarned(n, "Reservations[0]: \"Instances\" is a string, expected a list");
        AssertWarned(n, "Reservations[1].Instances[0].SecurityGroups[0]: \"GroupId\" is a number");
        AssertWarned(n, "Reservations[1].Instances[0].SecurityGroups[1] is a string, expected an object");
        AssertWarned(n, "Reservations[1].Instances[0]: \"IamInstanceProfile\" is a string, expected an object");
        AssertWarned(n, "Reservations[1].Instances[0]: \"NetworkInterfaces\" is a number, expected a list");

        // What could be read still is.
        var instance = "arn:aws:ec2:eu-west-1:111111111111:instance/i-0a";
        Assert.Equal(["arn:aws:ec2:eu-west-1:111111111111:security-group/sg-0b"], n.Targets(instance, RelationKinds.ProtectedBy));
    }

    [Fact]
    public void Global_answers_with_bad_shapes_are_reported()
    {
        var n = Of(Regions.Global,
            Doc(AwsOperations.ListBuckets, """{"Buckets": [{"Name": "b"}, {"Name": ""}]}"""),
            Doc(AwsOperations.GetBucketLocation, "[]", resource: "b"),
            Doc(AwsOperations.GetBucketTagging, "\"x\"", resource: "b"),
            Doc(AwsOperations.GetAccountAuthorizationDetails, """{"UserDetailList": [{"UserName": "no-arn"}], "GroupDetailList": {}, "RoleDetailList": null, "Policies": [[]]}"""),
            Doc(AwsOperations.DescribeOrganization, """{"Organization": "o-123"}"""),
            Doc(AwsOperations.ListOrganizationalUnitsForParent, """{"OrganizationalUnits": [{"Id": "ou-1", "Arn": "arn:aws:organizations::111111111111:ou/o-1/ou-1", "Name": "x"}]}"""));

        Assert.Equal(["arn:aws:s3:::b"], n.Ids(AwsAssetTypes.Bucket));
        Assert.Equal(Regions.Global, n.Asset("arn:aws:s3:::b").Region);
        AssertWarned(n, "Buckets[1]: \"Name\" is a string, expected a non-empty string");
        AssertWarned(n, "GetBucketLocation[b]: the answer is a list, expected an object; region unknown");
        AssertWarned(n, "UserDetailList[0]: no \"Arn\"");
        AssertWarned(n, "\"GroupDetailList\" is an object, expected a list");
        AssertWarned(n, "Policies[0] is a list, expected an object");
        AssertWarned(n, "answer: \"Organization\" is a string, expected an object");
        AssertWarned(n, "OrganizationalUnits[0]: a per-parent answer without the ParentId");
    }

    /// <summary>
    /// Every node of every sample and of one real fixture, replaced in turn by values of other types or removed:
    /// the normalizer must never throw and every asset it still emits must be complete.
    /// </summary>
    [Fact]
    public void No_replacement_of_any_node_makes_the_normalizer_throw()
    {
        JsonNode?[] replacements = [JsonValue.Create(7), JsonValue.Create("x"), new JsonArray(), new JsonObject(), null, new JsonArray(JsonValue.Create(1), new JsonObject())];
        var groups = SampleDocuments.All().Select(g => (g[0].Region, g)).ToList();
        var fixture = FixtureGroup.Load(TestPaths.Fixture("aws-network", "test-nat-gateway", "aws_configs"));
        groups.Add((fixture.Key.Region, fixture.Documents.ToArray()));
        var runs = 0;
        foreach (var (region, documents) in groups)
        {
            for (var d = 0; d < documents.Length; d++)
            {
                var original = JsonNode.Parse(documents[d].Json.Span)!;
                foreach (var path in Paths(original))
                {
                    foreach (var replacement in replacements.Append(Removed))
                    {
                        var mutated = original.DeepClone();
                        Replace(mutated, path, replacement?.DeepClone(), replacement == Removed);
                        var copy = documents.ToArray();
                        copy[d] = documents[d] with { Json = JsonSerializer.SerializeToUtf8Bytes(mutated) };
                        var output = new InventoryCollector();
                        try
                        {
                            new AwsNormalizer().Normalize(new DocumentGroup(new DocumentGroupKey(Provider.Aws, documents[0].Account, region), copy), output);
                        }
                        catch (Exception e)
                        {
                            throw new Xunit.Sdk.XunitException($"{documents[d]} with {string.Join('.', path)} = {replacement?.ToJsonString() ?? "null"} threw {e}");
                        }

                        Assert.All(output.Assets, a =>
                        {
                            Assert.False(string.IsNullOrEmpty(a.Id) || a.Type is null || a.Name is null || a.Account is null || a.Region is null);
                            using var _ = JsonDocument.Parse(a.Properties);
                        });
                        runs++;
                    }
                }
            }
        }

        Assert.True(runs > 5000, $"only {runs} runs");
    }

    private static readonly JsonNode Removed = new JsonObject { ["removed"] = true };

    private static void AssertWarned(Normalized n, string fragment) =>
        Assert.True(n.Warnings.Any(w => w.Contains(fragment, StringComparison.Ordinal)), $"no warning with '{fragment}'; warnings:\n{string.Join("\n", n.Warnings)}");

    /// <summary>The path of every node below the root: property names and array indexes.</summary>
    private static IEnumerable<object[]> Paths(JsonNode node, object[]? prefix = null)
    {
        prefix ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    object[] path = [.. prefix, name];
                    yield return path;
                    if (child is not null)
                    {
                        foreach (var p in Paths(child, path))
                        {
                            yield return p;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    object[] path = [.. prefix, i];
                    yield return path;
                    if (a[i] is { } child)
                    {
                        foreach (var p in Paths(child, path))
                        {
                            yield return p;
                        }
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode root, object[] path, JsonNode? value, bool remove)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is string name ? parent[name]! : parent[(int)step]!;
        }

        switch (path[^1])
        {
            case string name when remove:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent[name] = value;
                break;
            case int index when remove:
                parent.AsArray().RemoveAt(index);
                break;
            case int index:
                parent[index] = value;
                break;
        }
    }
}
