using Argus.Aws.Onboarding;
using Argus.Core.Permissions;
using YamlDotNet.RepresentationModel;

namespace Argus.Aws.Tests.Onboarding;

/// <summary>With vuln.vm-scan the templates also create the role and instance profile of the scanners Argus launches, and Argus may pass only that role.</summary>
public sealed class ScannerRoleTemplateTests
{
    private static readonly RoleTemplateOptions Options = new("arn:aws:iam::111122223333:role/argus-runner", "argus-0123456789abcdef", RequireMfa: false, Organization: false);

    [Fact]
    public void The_CloudFormation_template_creates_the_scanner_role_limited_to_the_results_buckets()
    {
        var set = AwsPolicyGenerator.Generate([Features.VmScan], "ArgusOperator");
        var stream = new YamlStream();
        stream.Load(new StringReader(CloudFormationTemplate.Render(set, Options)));
        var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["Resources"];

        var role = (YamlMappingNode)((YamlMappingNode)resources["ArgusScannerRole"])["Properties"];
        var profile = (YamlMappingNode)((YamlMappingNode)resources["ArgusScannerProfile"])["Properties"];
        Assert.Equal("ArgusOperator-scanner", role["RoleName"].ToString());
        Assert.Equal("ArgusOperator-scanner", profile["InstanceProfileName"].ToString());
        var trust = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)role["AssumeRolePolicyDocument"])["Statement"])[0];
        Assert.Equal("ec2.amazonaws.com", ((YamlMappingNode)trust["Principal"])["Service"].ToString());
        var statements = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)role["Policies"])[0])["PolicyDocument"])["Statement"];
        var actions = statements.SelectMany(s => (YamlSequenceNode)((YamlMappingNode)s)["Action"]).Select(a => a.ToString()).Order(StringComparer.Ordinal);
        var resourcesOf = statements.SelectMany(s => (YamlSequenceNode)((YamlMappingNode)s)["Resource"]).Select(r => r.ToString());
        Assert.Equal(["s3:GetObject", "s3:ListBucket", "s3:PutObject"], actions);
        Assert.All(resourcesOf, r => Assert.StartsWith("arn:aws:s3:::argus-vm-scan-*", r));

        var pass = Assert.Single(set.Policies.SelectMany(p => p.Statements), s => s.Actions.Contains("iam:PassRole"));
        Assert.Equal(["arn:aws:iam::*:role/ArgusOperator-scanner"], pass.Resources);
    }

    [Fact]
    public void The_Terraform_module_creates_the_same_role_and_profile_and_nothing_without_vm_scan()
    {
        var hcl = TerraformTemplate.Render(AwsPolicyGenerator.Generate([Features.VmScan], "ArgusOperator"), Options);
        var without = TerraformTemplate.Render(AwsPolicyGenerator.Generate([Features.Posture], "ArgusReadOnly"), Options);

        Assert.Contains("resource \"aws_iam_instance_profile\" \"argus_scanner\"", hcl);
        Assert.Contains("name = \"ArgusOperator-scanner\"", hcl);
        Assert.Contains("\"arn:aws:s3:::argus-vm-scan-*/*/results/*\"", hcl);
        Assert.Equal(hcl.Count(c => c == '{'), hcl.Count(c => c == '}'));
        Assert.DoesNotContain("argus_scanner", without);
        Assert.DoesNotContain("ArgusScannerRole", CloudFormationTemplate.Render(AwsPolicyGenerator.Generate([Features.Posture], "ArgusReadOnly"), Options));
    }
}
