using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Doctor;
using Argus.Aws.Permissions;
using Argus.Aws.Tests.Client;
using Argus.Core.Permissions;

namespace Argus.Aws.Tests.Doctor;

public sealed class AwsDoctorTests
{
    private static AwsDoctor Doctor() => new(new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries));

    private static Func<SeenRequest, Answer> Simulating(Func<string, (string, bool)> decide) => r => r.Form.GetValueOrDefault("Action") switch
    {
        "GetCallerIdentity" => DoctorAnswers.CallerIdentity(),
        "SimulatePrincipalPolicy" => DoctorAnswers.Simulation(r, decide),
        var other => throw new InvalidOperationException($"unexpected call {other}"),
    };

    [Fact]
    public async Task Everything_allowed_makes_every_requested_feature_available()
    {
        using var server = new LocalAwsServer(Simulating(_ => ("allowed", true)));

        var report = await Doctor().CheckAsync(Features.ReadOnlyDefault, ClientHarness.Context(server), CancellationToken.None);

        Assert.Equal(DoctorAnswers.Account, report.Caller.Account);
        Assert.Equal(DoctorAnswers.RoleArn, report.Caller.PrincipalArn);
        Assert.Equal(CheckMethod.Simulation, report.Method);
        Assert.True(report.AllAvailable);
        Assert.All(report.Features.Where(f => Features.ReadOnlyDefault.Contains(f.Feature)), f => Assert.Equal(FeatureStatus.Available, f.Status));
        Assert.Equal(
            [Features.VmScan, Features.RemediationSecurityGroups, Features.RemediationImageBlocking],
            report.Features.Where(f => f.Status == FeatureStatus.NotRequested).Select(f => f.Feature));
        Assert.Equal(AwsPermissionCatalog.Instance.For(Features.ReadOnlyDefault).Select(p => p.Action), report.Actions.Select(a => a.Action));
        Assert.DoesNotContain(report.Actions, a => a.Access == AccessLevel.Write);
        Assert.Contains(report.Notes, n => n.Contains("resource policies", StringComparison.Ordinal));

        var simulations = server.Requests.Where(r => r.Form.GetValueOrDefault("Action") == "SimulatePrincipalPolicy").ToList();
        Assert.All(simulations, r => Assert.Equal(DoctorAnswers.RoleArn, r.Form["PolicySourceArn"]));
        Assert.All(simulations, r => Assert.DoesNotContain($"ActionNames.member.{AwsDoctor.SimulationBatchSize + 1}", r.Form.Keys));
        var batches = simulations.Where(r => !r.Form.ContainsKey("Marker")).ToList();
        Assert.True(batches.Count >= 2, "the catalog's read actions span more than one batch");
        Assert.True(simulations.Count > batches.Count, "pages beyond the first are requested with the Marker");
        var simulatedActions = batches.SelectMany(r => r.Form.Where(p => p.Key.StartsWith("ActionNames.member.", StringComparison.Ordinal)).Select(p => p.Value)).ToList();
        Assert.Equal(simulatedActions.Count, simulatedActions.Distinct().Count());
        Assert.DoesNotContain("sts:GetCallerIdentity", simulatedActions);
    }

    [Fact]
    public async Task A_required_action_implicitly_denied_turns_its_features_off_naming_it()
    {
        using var server = new LocalAwsServer(Simulating(a => (a == "ec2:DescribeVpcs" ? "implicitDeny" : "allowed", true)));

        var report = await Doctor().CheckAsync(Features.ReadOnlyDefault, ClientHarness.Context(server), CancellationToken.None);

        var topology = report.Features.Single(f => f.Feature == Features.NetworkTopology);
        Assert.Equal(FeatureStatus.Off, topology.Status);
        var missing = Assert.Single(topology.Missing);
        Assert.Equal("ec2:DescribeVpcs", missing.Action);
        Assert.Equal(ActionDecision.ImplicitDeny, missing.Decision);
        Assert.True(missing.Required);
        Assert.Contains("VPC", missing.Justification, StringComparison.Ordinal);
        Assert.Equal(FeatureStatus.Available, report.Features.Single(f => f.Feature == Features.Posture).Status);
        Assert.False(report.AllAvailable);
    }

    [Fact]
    public async Task An_optional_action_denied_by_an_scp_degrades_its_feature()
    {
        using var server = new LocalAwsServer(Simulating(a => a == "ec2:DescribeSecurityGroupRules" ? ("explicitDeny", false) : ("allowed", true)));

        var report = await Doctor().CheckAsync([Features.NetworkTopology, Features.NetworkPolicy], ClientHarness.Context(server), CancellationToken.None);

        var policy = report.Features.Single(f => f.Feature == Features.NetworkPolicy);
        Assert.Equal(FeatureStatus.Degraded, policy.Status);
        var missing = Assert.Single(policy.Missing);
        Assert.Equal(ActionDecision.ExplicitDeny, missing.Decision);
        Assert.False(missing.Required);
        Assert.Equal("denied by a service control policy", missing.Detail);
        Assert.Equal(FeatureStatus.Available, report.Features.Single(f => f.Feature == Features.NetworkTopology).Status);
        Assert.Equal(FeatureStatus.NotRequested, report.Features.Single(f => f.Feature == Features.Posture).Status);
    }

    [Fact]
    public async Task Without_the_simulator_it_probes_and_never_counts_an_unprobed_action_as_allowed()
    {
        using var server = new LocalAwsServer(r =>
        {
            if (r.Headers.TryGetValue("x-amz-target", out var target))
            {
                return target.EndsWith(".DescribeOrganization", StringComparison.Ordinal) ? DoctorAnswers.JsonError("AWSOrganizationsNotInUseException")
                    : target.EndsWith(".DescribeLogGroups", StringComparison.Ordinal) ? Answer.Json("""{"logGroups":[]}""")
                    : target.EndsWith(".DescribeDirectConnectGateways", StringComparison.Ordinal) ? Answer.Json("""{"directConnectGateways":[]}""")
                    : throw new InvalidOperationException(target);
            }

            if (r.PathAndQuery.StartsWith("/clusters", StringComparison.Ordinal))
            {
                return DoctorAnswers.JsonError("AccessDeniedException", 403) with { ContentType = "application/json" };
            }

            return r.Form.GetValueOrDefault("Action") switch
            {
                "GetCallerIdentity" => DoctorAnswers.CallerIdentity(),
                "SimulatePrincipalPolicy" => DoctorAnswers.QueryError("AccessDenied"),
                "GetAccountSummary" => DoctorAnswers.AccountSummary(),
                "DescribeRegions" => DoctorAnswers.Ec2Error("UnauthorizedOperation"),
                "DescribeLoadBalancers" => DoctorAnswers.LoadBalancers(),
                null when r.Method == "GET" && r.PathAndQuery.StartsWith('/') => DoctorAnswers.Buckets(),
                var other => throw new InvalidOperationException($"unexpected call {other}"),
            };
        });

        var report = await Doctor().CheckAsync(Features.ReadOnlyDefault, ClientHarness.Context(server), CancellationToken.None);

        Assert.Equal(CheckMethod.Probe, report.Method);
        var byAction = report.Actions.ToDictionary(a => a.Action);
        Assert.Equal((ActionDecision.Denied, CheckMethod.Probe), (byAction["ec2:DescribeRegions"].Decision, byAction["ec2:DescribeRegions"].Method));
        Assert.Equal((ActionDecision.Denied, CheckMethod.Probe), (byAction["eks:ListClusters"].Decision, byAction["eks:ListClusters"].Method));
        Assert.Equal(ActionDecision.Allowed, byAction["iam:GetAccountSummary"].Decision);
        Assert.Equal(ActionDecision.Allowed, byAction["s3:ListAllMyBuckets"].Decision);
        Assert.Equal(ActionDecision.Allowed, byAction["elasticloadbalancing:DescribeLoadBalancers"].Decision);
        Assert.Equal(ActionDecision.Allowed, byAction["logs:DescribeLogGroups"].Decision);
        Assert.Equal((ActionDecision.Unknown, "probe failed: AWSOrganizationsNotInUseException"), (byAction["organizations:DescribeOrganization"].Decision, byAction["organizations:DescribeOrganization"].Detail));
        Assert.Equal((ActionDecision.Denied, CheckMethod.Observed), (byAction["iam:SimulatePrincipalPolicy"].Decision, byAction["iam:SimulatePrincipalPolicy"].Method));
        Assert.Equal(ActionDecision.Allowed, byAction["sts:GetCallerIdentity"].Decision);
        Assert.Equal((ActionDecision.Unknown, CheckMethod.NotChecked), (byAction["ec2:DescribeVpcs"].Decision, byAction["ec2:DescribeVpcs"].Method));

        Assert.All(report.Actions.Where(a => a.Method == CheckMethod.NotChecked), a => Assert.Equal(ActionDecision.Unknown, a.Decision));
        Assert.DoesNotContain(report.Features, f => f.Status == FeatureStatus.Available);
        var topology = report.Features.Single(f => f.Feature == Features.NetworkTopology);
        Assert.Equal(FeatureStatus.Off, topology.Status);
        Assert.Equal(["ec2:DescribeRegions"], topology.Missing.Select(m => m.Action));
        Assert.Contains(topology.Unchecked, a => a.Action == "ec2:DescribeVpcs");
        Assert.Contains(report.Notes, n => n.Contains("iam:SimulatePrincipalPolicy", StringComparison.Ordinal) && n.Contains("AccessDenied", StringComparison.Ordinal));
        Assert.Equal("1", server.Requests.Single(r => r.Form.GetValueOrDefault("Action") == "DescribeLoadBalancers").Form["PageSize"]);
        Assert.False(report.AllAvailable);
    }

    [Fact]
    public async Task Rejected_credentials_are_reported_as_invalid()
    {
        using var server = new LocalAwsServer(_ => DoctorAnswers.QueryError("InvalidClientTokenId", ns: "https://sts.amazonaws.com/doc/2011-06-15/"));

        var e = await Assert.ThrowsAsync<AwsIdentityException>(() => Doctor().CheckAsync(Features.ReadOnlyDefault, ClientHarness.Context(server), CancellationToken.None));

        Assert.Equal(IdentityFailure.InvalidCredentials, e.Failure);
        Assert.Contains("InvalidClientTokenId", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientHarness.SecretKey, e.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_as_such()
    {
        Uri closed;
        using (var server = new LocalAwsServer(_ => DoctorAnswers.CallerIdentity()))
        {
            closed = server.Endpoint;
        }

        var ctx = new AwsCallContext(new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey), "eu-west-1", closed);

        var e = await Assert.ThrowsAsync<AwsIdentityException>(() => Doctor().IdentifyAsync(ctx, CancellationToken.None));

        Assert.Equal(IdentityFailure.EndpointUnreachable, e.Failure);
    }

    [Fact]
    public async Task Credentials_that_cannot_be_resolved_are_reported_as_missing()
    {
        using var server = new LocalAwsServer(_ => DoctorAnswers.CallerIdentity());
        var ctx = new AwsCallContext(new UnresolvableCredentials(), "eu-west-1", server.Endpoint);

        var e = await Assert.ThrowsAsync<AwsIdentityException>(() => Doctor().IdentifyAsync(ctx, CancellationToken.None));

        Assert.Equal(IdentityFailure.NoCredentials, e.Failure);
        Assert.Empty(server.Requests);
    }

    private sealed class UnresolvableCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("Failed to resolve AWS credentials.");

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromException<ImmutableCredentials>(new AmazonClientException("Failed to resolve AWS credentials."));
    }
}
