using Argus.Aws.Operations;
using Argus.Aws.Permissions;
using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.Aws.Tests.Permissions;

public sealed class AwsPermissionCatalogTests
{
    private static readonly IReadOnlyList<Permission> All = AwsPermissionCatalog.Instance.All;

    // IAM files sts:AssumeRole under Write because it issues credentials; it changes no resource.
    private static readonly HashSet<string> ReadDespiteIamWrite = ["sts:AssumeRole"];

    [Fact]
    public void Every_action_is_a_real_IAM_action_with_the_same_access_level()
    {
        Assert.Equal("Read", IamActionIndex.LevelOf("sts:GetCallerIdentity"));
        Assert.All(All, p =>
        {
            var level = IamActionIndex.LevelOf(p.Action);
            Assert.True(level is not null, $"{p.Action} is not an IAM action");
            var iamRead = level is "Read" or "List";
            var expected = iamRead || ReadDespiteIamWrite.Contains(p.Action) ? AccessLevel.Read : AccessLevel.Write;
            Assert.True(p.Access == expected, $"{p.Action}: IAM says {level}, the catalog says {p.Access}");
        });
    }

    [Fact]
    public void The_access_level_exception_is_only_role_chaining()
    {
        var exceptions = All.Where(p => p.Access == AccessLevel.Read && IamActionIndex.LevelOf(p.Action) is not ("Read" or "List")).Select(p => p.Action);

        Assert.Equal(ReadDespiteIamWrite.Order(), exceptions.Order());
    }

    [Fact]
    public void Every_operation_Argus_stores_is_declared()
    {
        Assert.All(AwsOperations.All, o => Assert.True(AwsPermissionCatalog.Instance.Find(Provider.Aws, o.IamAction) is not null, $"{o.IamAction} ({o.Operation}) is not in the catalog"));
    }

    [Fact]
    public void No_action_is_declared_twice()
    {
        var duplicates = All.GroupBy(p => p.Action, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_feature_has_permissions_and_every_permission_known_features()
    {
        Assert.All(Features.All, f => Assert.Contains(All, p => p.Features.Contains(f)));
        Assert.All(All, p => Assert.NotEmpty(p.Features));
        Assert.All(All, p => Assert.All(p.Features, f => Assert.Contains(f, Features.All)));
    }

    [Fact]
    public void Writes_belong_only_to_vm_scan_and_remediation()
    {
        var writes = All.Where(p => p.Access == AccessLevel.Write).ToList();

        Assert.NotEmpty(writes);
        Assert.All(writes, p => Assert.All(p.Features, f => Assert.True(f == Features.VmScan || f.StartsWith("remediation.", StringComparison.Ordinal), $"{p.Action} is a write under {f}")));
    }

    [Fact]
    public void Object_reads_are_only_for_flow_logs_and_scan_results_and_secrets_are_never_read()
    {
        var getObject = AwsPermissionCatalog.Instance.Find(Provider.Aws, "s3:GetObject");

        Assert.NotNull(getObject);
        Assert.Equal([Features.NetworkFlowLogs, Features.VmScan], getObject.Features);
        Assert.False(getObject.Required);
        Assert.DoesNotContain(All, p => p.Action.StartsWith("secretsmanager:Get", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(All, p => p.Action.StartsWith("ssm:GetParameter", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(All, p => p.Action.Equals("kms:Decrypt", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Justifications_are_specific()
    {
        Assert.All(All, p => Assert.True(p.Justification.Length >= 25, $"{p.Action}: '{p.Justification}' is too short to convince a reviewer"));
        Assert.Equal(All.Count, All.Select(p => p.Justification).Distinct().Count());
    }

    [Fact]
    public void Find_is_case_insensitive_and_provider_specific()
    {
        Assert.Equal("ec2:DescribeVpcs", AwsPermissionCatalog.Instance.Find(Provider.Aws, "EC2:describevpcs")?.Action);
        Assert.Null(AwsPermissionCatalog.Instance.Find(Provider.Azure, "ec2:DescribeVpcs"));
        Assert.Null(AwsPermissionCatalog.Instance.Find(Provider.Aws, "s3:PutBucketPolicy"));
    }

    [Fact]
    public void Unknown_features_are_named_with_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => AwsPermissionCatalog.ParseFeatures(["posture", "vuln.everything"]));

        Assert.Contains("'vuln.everything'", error.Message);
        Assert.Contains(Features.RemediationImageBlocking, error.Message);
        Assert.Equal([Features.NetworkTopology, Features.Posture], AwsPermissionCatalog.ParseFeatures(["Posture", " network.topology"]));
    }
}
