using System.Text.Json;
using Argus.Aws.Onboarding;
using Argus.Aws.Permissions;
using Argus.Core.Permissions;

namespace Argus.Aws.Tests.Onboarding;

public sealed class AwsPolicyGeneratorTests
{
    public static TheoryData<string[]> Selections => new()
    {
        { Features.ReadOnlyDefault.ToArray() },
        { Features.All.ToArray() },
        { [Features.Posture] },
        { [Features.VmScan] },
        { [Features.NetworkTopology, Features.RemediationSecurityGroups] },
        { [Features.Images, Features.RemediationImageBlocking] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void The_policies_grant_exactly_the_catalogs_actions(string[] features)
    {
        var set = AwsPolicyGenerator.Generate(features, "ArgusReadOnly");

        var granted = set.Policies.SelectMany(p => ParseActions(p.ToJson())).ToHashSet(StringComparer.Ordinal);
        var expected = AwsPermissionCatalog.Instance.For(features).Select(p => p.Action).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected.Order(), granted.Order());
        Assert.All(set.Policies, p => Assert.True(p.Size <= ManagedPolicy.MaxSize, $"{p.Name} is {p.Size} characters"));
    }

    [Fact]
    public void The_default_selection_grants_no_write_and_reads_share_one_sorted_statement()
    {
        var set = AwsPolicyGenerator.Generate(Features.ReadOnlyDefault, AwsPolicyGenerator.DefaultRoleNameFor(Features.ReadOnlyDefault));

        Assert.False(set.GrantsWrites);
        Assert.Equal("ArgusReadOnly", set.RoleName);
        var reads = set.Policies.SelectMany(p => p.Statements).Where(s => s.Sid.StartsWith("ArgusRead", StringComparison.Ordinal) && s.Resources.SequenceEqual(["*"])).ToList();
        var actions = reads.SelectMany(s => s.Actions).ToList();
        Assert.Equal(actions.Order(StringComparer.Ordinal), actions);
        Assert.All(set.Actions, a => Assert.Equal(AccessLevel.Read, AwsPermissionCatalog.Instance.Find(Core.Model.Provider.Aws, a)!.Access));
    }

    [Fact]
    public void Too_large_a_policy_is_split_and_every_part_fits()
    {
        var whole = AwsPolicyGenerator.Generate(Features.All, "Argus", maxSize: 100_000);
        var split = AwsPolicyGenerator.Generate(Features.All, "Argus");

        Assert.Single(whole.Policies);
        Assert.True(whole.Policies[0].Size > ManagedPolicy.MaxSize, "the full catalog should need more than one managed policy");
        Assert.True(split.Policies.Count > 1);
        Assert.Equal(["Argus-1", "Argus-2"], split.Policies.Take(2).Select(p => p.Name));
        Assert.Equal(whole.Actions, split.Actions);
        Assert.All(split.Policies, p => Assert.Equal(p.Statements.Count, p.Statements.Select(s => s.Sid).Distinct().Count()));
        using var json = JsonDocument.Parse(split.ToJson());
        Assert.Equal(split.Policies.Count, json.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void Every_vm_scan_write_needs_the_argus_owner_tag_or_grants_only_to_the_argus_role()
    {
        var set = AwsPolicyGenerator.Generate([Features.VmScan], "Argus");
        var writes = set.Policies.SelectMany(p => p.Statements).Where(s => s.Actions.Any(IsWrite)).ToList();

        Assert.NotEmpty(writes);
        Assert.All(writes, s => Assert.True(s.Actions.All(IsWrite), $"{s.Sid} mixes reads and writes"));
        Assert.All(writes, s =>
        {
            var keys = s.Conditions.Select(c => c.Key).ToList();
            var owner = keys.Contains("aws:RequestTag/argus:owner") || keys.Contains("aws:ResourceTag/argus:owner");
            var grant = s.Actions.SequenceEqual(["kms:CreateGrant"])
                && s.Conditions.Any(c => c.Key == "kms:GranteePrincipal" && c.Values.SequenceEqual(["arn:aws:iam::*:role/Argus"]))
                && s.Conditions.Any(c => c.Key == "kms:GrantOperations" && c.Operator == "ForAllValues:StringEquals" && !c.Values.Contains("Encrypt"));
            var retire = s.Actions.SequenceEqual(["kms:RetireGrant"]);
            var image = s.Actions.SequenceEqual(["ec2:RunInstances"]) && s.Resources.All(r => r.Contains(":image/", StringComparison.Ordinal));
            var results = s.Actions.All(a => a.StartsWith("s3:", StringComparison.Ordinal)) && s.Resources.All(r => r.StartsWith("arn:aws:s3:::argus-vm-scan-", StringComparison.Ordinal));
            var pass = s.Actions.SequenceEqual(["iam:PassRole"]) && s.Resources.SequenceEqual(["arn:aws:iam::*:role/Argus-scanner"])
                && s.Conditions.Any(c => c.Key == "iam:PassedToService" && c.Values.SequenceEqual(["ec2.amazonaws.com"]));
            Assert.True(owner || grant || retire || image || results || pass, $"{s.Sid} ({string.Join(", ", s.Actions)}) is not limited to Argus-owned resources");
        });
    }

    [Fact]
    public void Tagging_on_creation_is_allowed_only_for_what_vm_scan_creates()
    {
        var set = AwsPolicyGenerator.Generate([Features.VmScan], "Argus");
        var tagging = Assert.Single(set.Policies.SelectMany(p => p.Statements), s => s.Actions.Contains("ec2:CreateTags"));
        var create = Assert.Single(set.Policies.SelectMany(p => p.Statements), s => s.Actions.Contains("ec2:CreateSnapshot"));

        Assert.Equal(["CopySnapshot", "CreateInternetGateway", "CreateRouteTable", "CreateSecurityGroup", "CreateSnapshot", "CreateSubnet", "CreateVolume", "CreateVpc", "RunInstances"],
            tagging.Conditions.Single(c => c.Key == "ec2:CreateAction").Values.Order(StringComparer.Ordinal));
        Assert.Equal(["ec2:CopySnapshot", "ec2:CreateInternetGateway", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup", "ec2:CreateSnapshot", "ec2:CreateSubnet", "ec2:CreateVolume", "ec2:CreateVpc"], create.Actions);
        Assert.DoesNotContain(set.Actions, a => a is "ec2:DescribeTags" or "ec2:DescribeImages" or "ec2:AuthorizeSecurityGroupIngress" or "ec2:ModifyInstanceAttribute");
    }

    [Fact]
    public void A_launched_scanner_runs_only_in_the_argus_network_and_is_tagged_at_launch()
    {
        var statements = AwsPolicyGenerator.Generate([Features.VmScan], "Argus").Policies.SelectMany(p => p.Statements).Where(s => s.Actions.Contains("ec2:RunInstances")).ToList();

        Assert.Equal(3, statements.Count);
        Assert.All(statements, s => Assert.Equal(["ec2:RunInstances"], s.Actions));
        var tagged = Assert.Single(statements, s => s.Resources.Any(r => r.EndsWith(":instance/*", StringComparison.Ordinal)));
        Assert.Equal("aws:RequestTag/argus:owner", Assert.Single(tagged.Conditions).Key);
        var network = Assert.Single(statements, s => s.Resources.Any(r => r.EndsWith(":subnet/*", StringComparison.Ordinal)));
        Assert.Contains("arn:aws:ec2:*:*:security-group/*", network.Resources);
        Assert.Equal("aws:ResourceTag/argus:owner", Assert.Single(network.Conditions).Key);
    }

    [Fact]
    public void Flow_log_objects_are_readable_only_under_the_flow_log_prefix()
    {
        var set = AwsPolicyGenerator.Generate([Features.NetworkFlowLogs], "ArgusReadOnly");
        var getObject = Assert.Single(set.Policies.SelectMany(p => p.Statements), s => s.Actions.Contains("s3:GetObject"));

        Assert.Equal(["s3:GetObject"], getObject.Actions);
        Assert.All(getObject.Resources, r => Assert.EndsWith("/AWSLogs/*/vpcflowlogs/*", r));
    }

    [Fact]
    public void Role_chaining_is_limited_to_the_argus_role_name()
    {
        var set = AwsPolicyGenerator.Generate([Features.Inventory], "ArgusAudit");
        var assume = Assert.Single(set.Policies.SelectMany(p => p.Statements), s => s.Actions.Contains("sts:AssumeRole"));

        Assert.Equal(["arn:aws:iam::*:role/ArgusAudit"], assume.Resources);
        Assert.Equal("ArgusOperator", AwsPolicyGenerator.DefaultRoleNameFor([Features.VmScan]));
    }

    private static bool IsWrite(string action) =>
        AwsPermissionCatalog.Instance.Find(Core.Model.Provider.Aws, action)!.Access == AccessLevel.Write;

    private static IEnumerable<string> ParseActions(string policy)
    {
        using var json = JsonDocument.Parse(policy);
        Assert.Equal("2012-10-17", json.RootElement.GetProperty("Version").GetString());
        var actions = new List<string>();
        foreach (var statement in json.RootElement.GetProperty("Statement").EnumerateArray())
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            var action = statement.GetProperty("Action");
            actions.AddRange(action.ValueKind == JsonValueKind.Array ? action.EnumerateArray().Select(a => a.GetString()!) : [action.GetString()!]);
        }

        return actions;
    }
}
