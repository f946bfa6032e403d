using Argus.Aws.Onboarding;
using Argus.Aws.Permissions;
using Argus.Core.Permissions;
using YamlDotNet.RepresentationModel;

namespace Argus.Aws.Tests.Onboarding;

public sealed class RoleTemplateTests
{
    private static readonly RoleTemplateOptions Options = new("arn:aws:iam::111122223333:role/argus-runner", "argus-0123456789abcdef", RequireMfa: false, Organization: false);

    [Fact]
    public void The_CloudFormation_template_parses_and_holds_the_role_its_trust_and_every_action()
    {
        var set = AwsPolicyGenerator.Generate(Features.All, "ArgusAudit");

        var root = Load(CloudFormationTemplate.Render(set, Options));

        var resources = (YamlMappingNode)root["Resources"];
        var role = (YamlMappingNode)((YamlMappingNode)resources["ArgusRole"])["Properties"];
        Assert.Equal("ArgusAudit", role["RoleName"].ToString());
        var trust = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)role["AssumeRolePolicyDocument"])["Statement"])[0];
        var condition = (YamlMappingNode)trust["Condition"];
        Assert.Equal("!Ref", ((YamlScalarNode)((YamlMappingNode)condition["StringEquals"])["sts:ExternalId"]).Tag.Value);
        Assert.False(condition.Children.ContainsKey("Bool"));
        Assert.Equal("argus-0123456789abcdef", ((YamlMappingNode)((YamlMappingNode)root["Parameters"])["ExternalId"])["Default"].ToString());
        Assert.Equal(set.Policies.Count, ((YamlSequenceNode)role["ManagedPolicyArns"]).Children.Count);

        var actions = resources.Children.Values.Cast<YamlMappingNode>()
            .Where(r => r["Type"].ToString() == "AWS::IAM::ManagedPolicy")
            .SelectMany(r => (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)r["Properties"])["PolicyDocument"])["Statement"])
            .SelectMany(s => (YamlSequenceNode)((YamlMappingNode)s)["Action"])
            .Select(a => a.ToString())
            .ToHashSet();
        Assert.Equal(AwsPermissionCatalog.Instance.All.Select(p => p.Action).Order(), actions.Order());
    }

    [Fact]
    public void MFA_and_organization_variants_say_so()
    {
        var set = AwsPolicyGenerator.Generate(Features.ReadOnlyDefault, "ArgusReadOnly");

        var text = CloudFormationTemplate.Render(set, Options with { RequireMfa = true, Organization = true });
        var root = Load(text);

        var role = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["Resources"])["ArgusRole"])["Properties"];
        var trust = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)role["AssumeRolePolicyDocument"])["Statement"])[0];
        Assert.Equal("true", ((YamlMappingNode)((YamlMappingNode)trust["Condition"])["Bool"])["aws:MultiFactorAuthPresent"].ToString());
        Assert.Contains("--permission-model SERVICE_MANAGED", text);
        Assert.Contains("management account", text);
    }

    [Fact]
    public void The_Terraform_module_embeds_each_policy_and_the_external_id_condition()
    {
        var set = AwsPolicyGenerator.Generate(Features.All, "ArgusAudit");

        var hcl = TerraformTemplate.Render(set, Options with { RequireMfa = true });

        Assert.Contains("variable = \"sts:ExternalId\"", hcl);
        Assert.Contains("variable = \"aws:MultiFactorAuthPresent\"", hcl);
        Assert.Contains("default     = \"argus-0123456789abcdef\"", hcl);
        Assert.Equal(set.Policies.Count, CountOf(hcl, "resource \"aws_iam_policy\""));
        Assert.Equal(set.Policies.Count, CountOf(hcl, "resource \"aws_iam_role_policy_attachment\""));
        Assert.All(set.Policies, p => Assert.Contains(p.ToJson().Split('\n')[2].Trim(), hcl));
        Assert.Equal(CountOf(hcl, "{"), CountOf(hcl, "}"));
        Assert.All(AwsPermissionCatalog.Instance.All, p => Assert.Contains($"\"{p.Action}\"", hcl));
    }

    [Theory]
    [InlineData("111122223333", "arn:aws:iam::111122223333:root")]
    [InlineData("arn:aws:iam::111122223333:role/team/argus", "arn:aws:iam::111122223333:role/team/argus")]
    [InlineData("arn:aws-us-gov:iam::111122223333:user/ci", "arn:aws-us-gov:iam::111122223333:user/ci")]
    public void Principals_are_accounts_or_IAM_ARNs(string given, string expected) =>
        Assert.Equal(expected, RoleTemplateOptions.PrincipalFrom(given));

    [Theory]
    [InlineData("11112222333")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("*")]
    public void Other_principals_are_rejected(string given) =>
        Assert.Contains(given, Assert.Throws<ArgumentException>(() => RoleTemplateOptions.PrincipalFrom(given)).Message);

    [Fact]
    public void External_ids_and_role_names_follow_AWS_rules()
    {
        Assert.Matches("^argus-[0-9a-f]{32}$", RoleTemplateOptions.NewExternalId());
        Assert.NotEqual(RoleTemplateOptions.NewExternalId(), RoleTemplateOptions.NewExternalId());
        Assert.Throws<ArgumentException>(() => RoleTemplateOptions.ValidExternalId("x"));
        Assert.Throws<ArgumentException>(() => RoleTemplateOptions.ValidExternalId("has space"));
        Assert.Throws<ArgumentException>(() => RoleTemplateOptions.ValidRoleName(new string('a', 65)));
        Assert.Equal("Argus.Audit-1", RoleTemplateOptions.ValidRoleName("Argus.Audit-1"));
    }

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }
}
