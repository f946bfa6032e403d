using Argus.Aws.Operations;
using Argus.Aws.Permissions;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Checks;
using Argus.Posture.Frameworks;

namespace Argus.Posture.Tests;

public sealed class CatalogTests
{
    private static readonly CheckCatalog Checks = CheckCatalog.Default;
    private static readonly FrameworkCatalog Frameworks = FrameworkCatalog.Default;

    [Fact]
    public void Every_action_a_check_needs_is_in_the_permission_catalog()
    {
        var missing = Checks.All.SelectMany(c => c.Metadata.Actions.Select(a => (c.Id, Action: a)))
            .Where(x => AwsPermissionCatalog.Instance.Find(Provider.Aws, x.Action) is null)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_check_maps_to_a_framework_requirement_or_says_why_not()
    {
        var orphans = Checks.All.Where(c => Frameworks.ReferencesFor(c.Id).Count == 0 && string.IsNullOrWhiteSpace(c.Metadata.UnmappedReason)).Select(c => c.Id).ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Every_check_id_a_framework_names_exists_and_every_unmapped_requirement_has_a_reason()
    {
        foreach (var framework in Frameworks.All)
        {
            Assert.All(framework.Requirements.SelectMany(r => r.Checks), id => Assert.True(Checks.Find(id) is not null, $"{framework.Id} names unknown check {id}"));
            Assert.All(framework.Requirements.Where(r => r.Checks.Count == 0), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason), $"{framework.Id} {r.Id} has no check and no reason"));
        }
    }

    [Fact]
    public void Both_cis_versions_ship_with_their_sections()
    {
        var v7 = Frameworks.Find("cis-aws-7.0")!;
        var v3 = Frameworks.Find("cis-aws-3.0")!;
        Assert.Equal(["2 Identity and Access Management", "3 Storage", "4 Logging", "5 Monitoring", "6 Networking"], v7.Sections);
        Assert.Equal(["1 Identity and Access Management", "2 Storage", "3 Logging", "4 Monitoring", "5 Networking"], v3.Sections);
        Assert.Equal("Ensure no 'root' user account access key exists", v7.Requirements.Single(r => r.Id == "2.4").Title);
        Assert.Equal("Ensure no 'root' user account access key exists", v3.Requirements.Single(r => r.Id == "1.4").Title);
        Assert.Contains(new FrameworkReference("cis-aws-3.0", "5.6"), Frameworks.ReferencesFor("aws.ec2.imdsv2"));
        Assert.Contains(new FrameworkReference("cis-aws-7.0", "6.7"), Frameworks.ReferencesFor("aws.ec2.imdsv2"));
    }

    [Fact]
    public void Checks_have_complete_metadata()
    {
        Assert.All(Checks.All, c =>
        {
            var m = c.Metadata;
            Assert.Matches("^aws\\.[a-z0-9]+\\.[a-z0-9.-]+$", m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Title + m.Description + m.Risk));
            Assert.False(string.IsNullOrWhiteSpace(m.Remediation.Cli));
            Assert.False(string.IsNullOrWhiteSpace(m.Remediation.CloudFormation));
            Assert.False(string.IsNullOrWhiteSpace(m.Remediation.Terraform));
            Assert.NotEmpty(m.References);
            Assert.NotEmpty(m.Reads);
        });
    }

    [Fact]
    public void Every_operation_a_check_reads_is_a_collected_declaration()
    {
        // The context keys answers by service, operation and per-resource key: a check's own guess of any of them
        // would read nothing from a real snapshot.
        foreach (var check in Checks.All)
        {
            foreach (var op in check.Metadata.Reads)
            {
                Assert.True(AwsOperations.All.Contains(op), $"{check.Metadata.Id} reads {op.Service} {op.Operation}, not declared in AwsOperations");
            }
        }
    }

    [Fact]
    public void A_malformed_framework_file_names_the_file_and_line()
    {
        var e = Assert.Throws<Argus.Core.Import.ImportException>(() => FrameworkLoader.Load(new StringReader("id: x\nname: y\nrequirements:\n  - id: '1'\n    title: [unclosed\n"), "bad.yaml"));
        Assert.Equal("bad.yaml", e.Path);
        Assert.NotNull(e.Line);

        var dup = Assert.Throws<Argus.Core.Import.ImportException>(() => FrameworkLoader.Load(new StringReader(
            "id: x\nname: y\nrequirements:\n  - {id: '1', title: a, section: s, assessment: manual}\n  - {id: '1', title: b, section: s, assessment: manual}\n"), "dup.yaml"));
        Assert.Contains("appears twice", dup.Message);
    }
}
