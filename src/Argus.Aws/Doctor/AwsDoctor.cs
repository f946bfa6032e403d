using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.Core.Permissions;

namespace Argus.Aws.Doctor;

/// <summary>
/// The AWS self-check: who the credentials are, then which catalog actions they hold, by asking IAM's policy
/// simulator for the principal, or, where the simulator is not allowed, by cheap read probes. Actions that
/// neither could check are reported as unknown, never as allowed.
/// </summary>
public sealed class AwsDoctor(AwsApiClient client, AwsPermissionCatalog? catalog = null)
{
    /// <summary>Actions per SimulatePrincipalPolicy request: keeps each request small; results are paginated besides.</summary>
    public const int SimulationBatchSize = 50;

    private const string CallerIdentityAction = "sts:GetCallerIdentity";
    private const string SimulateAction = "iam:SimulatePrincipalPolicy";

    private static readonly string[] InvalidCredentialCodes =
    [
        "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "IncompleteSignature",
        "UnrecognizedClientException", "InvalidAccessKeyId", "AccessDenied", "AuthFailure",
    ];

    private readonly AwsPermissionCatalog catalog = catalog ?? AwsPermissionCatalog.Instance;

    /// <summary>Calls sts:GetCallerIdentity.</summary>
    /// <exception cref="AwsIdentityException">No, invalid or unusable credentials, or STS unreachable; the message says which.</exception>
    public async Task<CallerIdentity> IdentifyAsync(AwsCallContext ctx, CancellationToken ct)
    {
        JsonDocument answer;
        try
        {
            answer = await client.CallAsync("sts", "GetCallerIdentity", null, ctx, ct).ConfigureAwait(false);
        }
        catch (AwsApiException e)
        {
            throw IdentityError(e);
        }
        catch (AmazonClientException e)
        {
            throw new AwsIdentityException(IdentityFailure.NoCredentials, $"no usable AWS credentials: {e.Message}", e);
        }

        using (answer)
        {
            var root = answer.RootElement;
            var arn = root.TryGetProperty("Arn", out var a) ? a.GetString() : null;
            var account = root.TryGetProperty("Account", out var acct) ? acct.GetString() : null;
            if (arn is null || account is null)
            {
                throw new AwsIdentityException(IdentityFailure.Other, "sts:GetCallerIdentity answered without an account or ARN");
            }

            return new CallerIdentity(account, arn, CallerIdentity.PrincipalFor(arn));
        }
    }

    /// <summary>Identifies the caller, then checks every catalog action of <paramref name="features"/>.</summary>
    /// <param name="features">The requested features, already validated; the others are reported as not requested.</param>
    /// <exception cref="AwsIdentityException">The caller could not be identified.</exception>
    public async Task<DoctorReport> CheckAsync(IReadOnlyList<string> features, AwsCallContext ctx, CancellationToken ct)
    {
        var caller = await IdentifyAsync(ctx, ct).ConfigureAwait(false);
        var entries = catalog.For(features);
        var notes = new List<string>();
        var decided = new Dictionary<string, (ActionDecision Decision, CheckMethod Method, string? Detail)>(StringComparer.OrdinalIgnoreCase)
        {
            [CallerIdentityAction] = (ActionDecision.Allowed, CheckMethod.Observed, "answered this self-check"),
        };

        var method = CheckMethod.Simulation;
        var toSimulate = entries.Select(e => e.Action).Where(a => !decided.ContainsKey(a)).ToList();
        var simulated = caller.PrincipalArn is null ? null : await SimulateAsync(caller.PrincipalArn, toSimulate, ctx, notes, decided, ct).ConfigureAwait(false);
        if (simulated is null)
        {
            method = CheckMethod.Probe;
            if (caller.PrincipalArn is null)
            {
                notes.Add($"{caller.Arn} is not an IAM user or role session (root or federated user), which IAM cannot simulate; falling back to probes.");
            }

            await ProbeAsync(entries, ctx, notes, decided, ct).ConfigureAwait(false);
        }
        else
        {
            foreach (var (action, result) in simulated)
            {
                decided[action] = result;
            }

            decided[SimulateAction] = (ActionDecision.Allowed, CheckMethod.Observed, "answered this self-check");
            notes.Add("The simulation includes identity policies, service control policies and the permissions boundary; it cannot see resource policies (bucket, key or repository policies) or session policies passed when the role was assumed, which may still deny a call.");
        }

        var wanted = features.ToHashSet(StringComparer.Ordinal);
        var actions = entries.Select(e =>
        {
            var (decision, how, detail) = decided.TryGetValue(e.Action, out var d)
                ? d
                : (ActionDecision.Unknown, CheckMethod.NotChecked, method == CheckMethod.Probe ? "not probed: no cheap call checks it" : "the simulation returned no result for it");
            return new ActionCheck(e.Action, decision, how, e.Access, e.Required, e.Features.Where(wanted.Contains).ToList(), e.Justification, detail);
        }).ToList();
        var verdicts = Features.All.Select(f => wanted.Contains(f) ? FeatureCheck.Grade(f, actions) : FeatureCheck.NotRequested(f)).ToList();
        return new DoctorReport(caller, method, actions, verdicts, notes);
    }

    private async Task<Dictionary<string, (ActionDecision, CheckMethod, string?)>?> SimulateAsync(
        string principal, IReadOnlyList<string> actions, AwsCallContext ctx, List<string> notes,
        Dictionary<string, (ActionDecision Decision, CheckMethod Method, string? Detail)> decided, CancellationToken ct)
    {
        var results = new Dictionary<string, (ActionDecision, CheckMethod, string?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in actions.Chunk(SimulationBatchSize))
        {
            var parameters = new JsonObject
            {
                ["PolicySourceArn"] = principal,
                ["ActionNames"] = new JsonArray(chunk.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            };
            try
            {
                using var answer = await client.CallAllPagesAsync("iam", "SimulatePrincipalPolicy", parameters, ctx, ct).ConfigureAwait(false);
                if (answer.RootElement.TryGetProperty("EvaluationResults", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var result in list.EnumerateArray())
                    {
                        if (result.TryGetProperty("EvalActionName", out var name) && name.GetString() is { } action)
                        {
                            results[action] = (Decision(result), CheckMethod.Simulation, Detail(result));
                        }
                    }
                }
            }
            catch (AwsApiException e)
            {
                decided[SimulateAction] = (e.Kind == AwsErrorKind.AccessDenied ? ActionDecision.Denied : ActionDecision.Unknown, CheckMethod.Observed, e.Code);
                notes.Add($"iam:SimulatePrincipalPolicy on {principal} failed ({e.Code}), so only cheap read probes were made; actions they do not cover are unknown, not assumed allowed. Allow iam:SimulatePrincipalPolicy on the principal itself for a complete check.");
                return null;
            }
        }

        return results;
    }

    private static ActionDecision Decision(JsonElement result) =>
        result.TryGetProperty("EvalDecision", out var d) ? d.GetString() switch
        {
            "allowed" => ActionDecision.Allowed,
            "implicitDeny" => ActionDecision.ImplicitDeny,
            "explicitDeny" => ActionDecision.ExplicitDeny,
            _ => ActionDecision.Unknown,
        } : ActionDecision.Unknown;

    private static string? Detail(JsonElement result)
    {
        var reasons = new List<string>();
        if (result.TryGetProperty("OrganizationsDecisionDetail", out var org) && org.TryGetProperty("AllowedByOrganizations", out var byOrg) && byOrg.ValueKind == JsonValueKind.False)
        {
            reasons.Add("denied by a service control policy");
        }

        if (result.TryGetProperty("PermissionsBoundaryDecisionDetail", out var pb) && pb.TryGetProperty("AllowedByPermissionsBoundary", out var byPb) && byPb.ValueKind == JsonValueKind.False)
        {
            reasons.Add("denied by the permissions boundary");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private async Task ProbeAsync(IReadOnlyList<Permission> entries, AwsCallContext ctx, List<string> notes,
        Dictionary<string, (ActionDecision Decision, CheckMethod Method, string? Detail)> decided, CancellationToken ct)
    {
        var wanted = entries.Select(e => e.Action).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var probed = 0;
        foreach (var probe in DoctorProbe.All)
        {
            var action = client.ActionFor(probe.Service, probe.Operation);
            if (!wanted.Contains(action) || decided.ContainsKey(action))
            {
                continue;
            }

            probed++;
            try
            {
                using var _ = await client.CallAsync(probe.Service, probe.Operation, probe.Parameters(), ctx, ct).ConfigureAwait(false);
                decided[action] = (ActionDecision.Allowed, CheckMethod.Probe, null);
            }
            catch (AwsApiException e)
            {
                decided[action] = e.Kind == AwsErrorKind.AccessDenied
                    ? (ActionDecision.Denied, CheckMethod.Probe, e.Code)
                    : (ActionDecision.Unknown, CheckMethod.Probe, $"probe failed: {e.Code}");
            }
        }

        notes.Add($"{probed} probe call{(probed == 1 ? "" : "s")} made; a successful probe shows only that its own action is allowed.");
    }

    private static AwsIdentityException IdentityError(AwsApiException e) => e.Code switch
    {
        "TransportError" or "Timeout" => new AwsIdentityException(IdentityFailure.EndpointUnreachable, $"the AWS STS endpoint could not be reached: {e.Message}", e),
        _ when InvalidCredentialCodes.Contains(e.Code, StringComparer.Ordinal) => new AwsIdentityException(IdentityFailure.InvalidCredentials, $"AWS rejected the credentials ({e.Code}): check the access key, secret and session token, or refresh the SSO session", e),
        _ => new AwsIdentityException(IdentityFailure.Other, $"sts:GetCallerIdentity failed: {e.Message}", e),
    };
}
