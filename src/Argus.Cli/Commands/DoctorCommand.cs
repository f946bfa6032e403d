using System.CommandLine;
using System.Text.Json;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Doctor;
using Argus.Aws.Permissions;
using Argus.Cli.Terminal;

namespace Argus.Cli.Commands;

public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var doctor = new Command("doctor", """
            Check which Argus features the current cloud credentials can run, and which permissions are missing.

            Examples:
              argus doctor aws
            """);
        doctor.Subcommands.Add(Aws(context));
        return doctor;
    }

    private static Command Aws(CliContext context)
    {
        var features = PermissionsCommand.FeaturesOption();
        var format = CommonOptions.Format("table", "json");
        var region = new Option<string?>("--region") { Description = "The region to call. Default: $AWS_REGION, else $AWS_DEFAULT_REGION, else us-east-1.", HelpName = "REGION" };
        var roleArn = new Option<string?>("--role-arn") { Description = "Assume this role first (sts:AssumeRole) and check it instead of the caller.", HelpName = "ARN" };
        var externalId = new Option<string?>("--external-id") { Description = "The sts:ExternalId the role requires (with --role-arn).", HelpName = "ID" };
        var command = new Command("aws", """
            Report which features the AWS credentials make available, degraded or off, and the missing actions.

            Identifies the caller (sts:GetCallerIdentity), then asks IAM's policy simulator
            (iam:SimulatePrincipalPolicy) about every catalog action of the selected features for the user or role
            behind the credentials; the simulation includes SCPs and permissions boundaries, not resource or session
            policies. Where the simulator is not allowed, one cheap read call per service is made instead, and
            actions no probe covers are reported as unknown, never as allowed.

            A feature is available when all its actions are allowed, degraded when only optional ones are missing,
            off when a required one is missing, and unknown when nothing is missing but some action was not checked.
            Write features (vuln.vm-scan, remediation.*) are checked only when named with --features.
            Exit code: 0 when every selected feature is available, 4 otherwise, 2 when the credentials cannot be used.

            Examples:
              argus doctor aws
              argus doctor aws --features posture,vuln.vm-scan --format json
              argus doctor aws --role-arn arn:aws:iam::111122223333:role/ArgusReadOnly --external-id my-shared-id
            """)
        {
            features, format, region, roleArn, externalId,
        };
        command.SetAction(context, (parse, ct) =>
        {
            var selected = PermissionsCommand.ParseFeatures(parse.GetValue(features));
            var role = parse.GetValue(roleArn);
            var external = parse.GetValue(externalId);
            if (external is not null && role is null)
            {
                throw new CliException("--external-id needs --role-arn: it is the condition of the role to assume");
            }

            var where = parse.GetValue(region) ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1";
            var report = CheckAsync(selected, where, role, external, ct).GetAwaiter().GetResult();
            return Report(context, report, parse.GetValue(format)!);
        });
        return command;
    }

    private static async Task<DoctorReport> CheckAsync(IReadOnlyList<string> features, string region, string? roleArn, string? externalId, CancellationToken ct)
    {
        using var http = new HttpClient();
        var client = new AwsApiClient(http, AwsPermissionCatalog.Instance, AwsApiClientOptions.FromProfile());
        try
        {
            var ctx = await AwsCallContext.FromDefaultChainAsync(region, ct).ConfigureAwait(false);
            if (roleArn is not null)
            {
                ctx = await RoleSession.AssumeAsync(client, ctx, roleArn, externalId, ct).ConfigureAwait(false);
            }

            return await new AwsDoctor(client).CheckAsync(features, ctx, ct).ConfigureAwait(false);
        }
        catch (AwsIdentityException e)
        {
            throw new CliException(e.Message);
        }
        catch (AmazonClientException e)
        {
            throw new CliException($"no AWS credentials found (environment, profile, SSO session or instance role): {e.Message}");
        }
    }

    /// <summary>Writes the report and returns the exit code: <see cref="ExitCodes.Ok"/> only when every selected feature is available.</summary>
    public static int Report(CliContext context, DoctorReport report, string format)
    {
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                caller = report.Caller,
                method = report.Method,
                features = report.Features.Select(f => new
                {
                    feature = f.Feature,
                    status = f.Status,
                    missing = f.Missing.Select(a => a.Action),
                    unknown = f.Unchecked.Select(a => a.Action),
                }),
                actions = report.Actions,
                notes = report.Notes,
            }, CliJson.Options));
        }
        else
        {
            WriteTables(context, report);
        }

        return report.AllAvailable ? ExitCodes.Ok : ExitCodes.Degraded;
    }

    private static void WriteTables(CliContext context, DoctorReport report)
    {
        context.Out.WriteLine($"caller: {report.Caller.Arn} (account {report.Caller.Account})");
        context.Out.WriteLine(report.Method == CheckMethod.Simulation
            ? $"checked by IAM policy simulation of {report.Caller.PrincipalArn}"
            : "checked by read probes: iam:SimulatePrincipalPolicy was not available");
        context.Out.WriteLine();
        TableWriter.Write(
            context,
            ["feature", "status", "missing", "unknown"],
            report.Features.Select(f => (IReadOnlyList<string>)[f.Feature, Status(f.Status), string.Join(", ", f.Missing.Select(a => a.Action)), f.Unchecked.Count == 0 ? "" : $"{f.Unchecked.Count} action{(f.Unchecked.Count == 1 ? "" : "s")}"]));
        var missing = report.Actions.Where(a => a.IsMissing).ToList();
        if (missing.Count > 0)
        {
            context.Out.WriteLine();
            TableWriter.Write(
                context,
                ["missing action", "decision", "required", "features", "justification"],
                missing.Select(a => (IReadOnlyList<string>)[a.Action, a.Detail is null ? Decision(a.Decision) : $"{Decision(a.Decision)} ({a.Detail})", a.Required ? "required" : "optional", string.Join(", ", a.Features), a.Justification]));
        }

        foreach (var note in report.Notes)
        {
            context.Out.WriteLine();
            context.Out.WriteLine("note: " + note);
        }
    }

    private static string Status(FeatureStatus status) => status switch
    {
        FeatureStatus.Available => "available",
        FeatureStatus.Degraded => "degraded",
        FeatureStatus.Off => "off",
        FeatureStatus.Unknown => "unknown",
        _ => "not requested",
    };

    private static string Decision(ActionDecision decision) => decision switch
    {
        ActionDecision.ImplicitDeny => "implicit deny",
        ActionDecision.ExplicitDeny => "explicit deny",
        ActionDecision.Denied => "access denied",
        ActionDecision.Allowed => "allowed",
        _ => "unknown",
    };
}
