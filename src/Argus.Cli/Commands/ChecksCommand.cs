using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Posture.Checks;
using Argus.Posture.Engine;
using Argus.Posture.Outputs;

namespace Argus.Cli.Commands;

/// <summary><c>argus checks</c>: the catalog of posture checks with their metadata.</summary>
public static class ChecksCommand
{
    public static Command Create(CliContext context)
    {
        var framework = PostureOptions.Framework(required: false);
        framework.Description = "Only checks mapped to this framework (cis-aws-7.0, cis-aws-3.0).";
        var frameworks = new Option<bool>("--frameworks") { Description = "List the frameworks instead of the checks." };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("checks", """
            List the posture checks: id, severity, title, the permissions whose data each needs, and the framework
            requirements it evaluates. JSON adds description, risk, remediation (CLI, CloudFormation, Terraform)
            and references.

            Examples:
              argus checks
              argus checks --framework cis-aws-7.0
              argus checks --format json | jq '.[] | select(.id == "aws.ec2.imdsv2")'
              argus checks --frameworks
            """)
        {
            framework, frameworks, format,
        };
        command.SetAction(context, (parse, _) =>
        {
            var engine = PostureEngine.Default;
            if (parse.GetValue(frameworks))
            {
                TableWriter.Write(context, ["id", "requirements", "name"],
                    engine.Frameworks.All.Select(f => (IReadOnlyList<string>)[f.Id, f.Requirements.Count.ToString(), f.Name]).ToList());
                return ExitCodes.Ok;
            }

            IEnumerable<Check> checks = engine.Checks.All;
            if (parse.GetValue(framework) is { } fw)
            {
                var known = engine.Frameworks.Find(fw) ?? throw new CliException($"unknown framework '{fw}'; known: {string.Join(", ", engine.Frameworks.All.Select(f => f.Id))}", ExitCodes.Usage);
                var ids = known.Requirements.SelectMany(r => r.Checks).ToHashSet(StringComparer.Ordinal);
                checks = checks.Where(c => ids.Contains(c.Id));
            }

            var list = checks.ToList();
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(list.Select(c => new
                {
                    c.Metadata.Id, c.Metadata.Title, severity = OutputNames.Severity(c.Metadata.Severity), c.Metadata.Service, c.Metadata.ResourceType,
                    c.Metadata.Description, c.Metadata.Risk, c.Metadata.Remediation, c.Metadata.References, permissions = c.Metadata.Actions,
                    frameworks = engine.Frameworks.ReferencesFor(c.Id).Select(x => $"{x.Framework}:{x.Requirement}"), c.Metadata.UnmappedReason,
                }), CliJson.Options));
                return ExitCodes.Ok;
            }

            TableWriter.Write(context, ["id", "severity", "title", "needs", "frameworks"],
                list.Select(c => (IReadOnlyList<string>)[c.Id, OutputNames.Severity(c.Metadata.Severity), c.Metadata.Title, string.Join(" ", c.Metadata.Actions),
                    string.Join(" ", engine.Frameworks.ReferencesFor(c.Id).Select(x => $"{x.Framework}:{x.Requirement}"))]).ToList());
            context.Out.WriteLine($"{list.Count} checks.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
