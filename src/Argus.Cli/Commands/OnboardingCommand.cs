using System.CommandLine;
using Argus.Aws.Onboarding;
using Argus.Cli.Terminal;

namespace Argus.Cli.Commands;

public static class OnboardingCommand
{
    public static Command Create(CliContext context)
    {
        var onboarding = new Command("onboarding", """
            Generate the least-privilege IAM policy and cross-account role template Argus needs.

            Examples:
              argus onboarding aws --format cloudformation --trusted-account 111122223333
            """);
        onboarding.Subcommands.Add(Aws(context));
        return onboarding;
    }

    private static Command Aws(CliContext context)
    {
        var features = PermissionsCommand.FeaturesOption();
        var format = CommonOptions.Format("iam-policy", "cloudformation", "terraform");
        var account = new Option<string?>("--trusted-account") { Description = "The AWS account Argus runs in; its principals may assume the role.", HelpName = "ID" };
        var principal = new Option<string?>("--trusted-principal") { Description = "The exact role or user ARN Argus runs as (narrower than --trusted-account).", HelpName = "ARN" };
        var externalId = new Option<string?>("--external-id") { Description = "The sts:ExternalId the role requires. Default: a new random one, printed on stderr.", HelpName = "ID" };
        var mfa = new Option<bool>("--require-mfa") { Description = "Also require MFA to assume the role (for people, not for scheduled scans)." };
        var roleName = new Option<string?>("--role-name") { Description = "The role name. Default: ArgusReadOnly, or ArgusOperator when a write feature is selected.", HelpName = "NAME" };
        var org = new Option<bool>("--org") { Description = "For every account of an AWS Organization: a service-managed StackSet template, and role chaining to the same role name." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout.", HelpName = "FILE" };
        var command = new Command("aws", """
            Print the IAM policy, or a CloudFormation or Terraform template for the cross-account Argus role.

            The policy grants exactly the catalog's actions for the selected features (see 'argus permissions'),
            split into several managed policies when it exceeds IAM's 6,144-character limit. Templates create the
            role trusting one account or principal, always with an sts:ExternalId condition.

            Examples:
              argus onboarding aws
              argus onboarding aws --format cloudformation --trusted-account 111122223333 --external-id my-shared-id
              argus onboarding aws --format terraform --trusted-principal arn:aws:iam::111122223333:role/argus --require-mfa
              argus onboarding aws --format cloudformation --org --trusted-account 111122223333 -o argus-role.yaml
            """)
        {
            features, format, account, principal, externalId, mfa, roleName, org, output,
        };
        command.SetAction(context, (parse, _) =>
        {
            var selected = PermissionsCommand.ParseFeatures(parse.GetValue(features));
            var kind = parse.GetValue(format)!;
            try
            {
                var role = RoleTemplateOptions.ValidRoleName(parse.GetValue(roleName) ?? AwsPolicyGenerator.DefaultRoleNameFor(selected));
                var policies = AwsPolicyGenerator.Generate(selected, role);
                if (policies.Policies.Count > 1)
                {
                    context.Error.WriteLine($"note: the permissions exceed IAM's {ManagedPolicy.MaxSize}-character managed policy limit; they are split into {policies.Policies.Count} managed policies ({string.Join(", ", policies.Policies.Select(p => p.Name))}), all to attach to the role.");
                }

                var text = kind == "iam-policy" ? policies.ToJson() : Template(context, kind, policies, parse.GetValue(account), parse.GetValue(principal), parse.GetValue(externalId), parse.GetValue(mfa), parse.GetValue(org));
                if (parse.GetValue(output) is { } file)
                {
                    File.WriteAllText(file, text);
                    context.Error.WriteLine($"wrote {file}");
                }
                else
                {
                    context.Out.Write(text);
                }
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Template(CliContext context, string kind, PolicySet policies, string? account, string? principal, string? externalId, bool mfa, bool org)
    {
        var trusted = (account, principal) switch
        {
            (null, null) => throw new CliException($"--format {kind} needs --trusted-account ID or --trusted-principal ARN: who may assume the role"),
            ({ }, { }) => throw new CliException("give either --trusted-account or --trusted-principal, not both"),
            _ => RoleTemplateOptions.PrincipalFrom(account ?? principal!),
        };
        if (externalId is null)
        {
            externalId = RoleTemplateOptions.NewExternalId();
            context.Error.WriteLine($"external id: {externalId} (generated; pass it to Argus with --external-id when assuming the role)");
        }

        var options = new RoleTemplateOptions(trusted, RoleTemplateOptions.ValidExternalId(externalId), mfa, org);
        return kind == "terraform" ? TerraformTemplate.Render(policies, options) : CloudFormationTemplate.Render(policies, options);
    }
}
