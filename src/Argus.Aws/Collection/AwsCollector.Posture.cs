using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Ops = Argus.Aws.Operations.AwsOperations;

namespace Argus.Aws.Collection;

/// <summary>
/// The posture walks: operations that need a parent's answer (a policy per repository, a cluster per name) or fixed
/// request parameters (the SECURITY contact, regional web ACLs, service control policies). Kept apart from the
/// network walks so each area reads on its own.
/// </summary>
public sealed partial class AwsCollector
{
    // wafv2:ListResourcesForWebACL answers for one resource type per call (application load balancers when none is
    // given); the stored answer merges the regional types a web ACL can protect.
    private static readonly string[] WebAclResourceTypes = ["APPLICATION_LOAD_BALANCER", "API_GATEWAY", "COGNITO_USER_POOL", "APP_RUNNER_SERVICE"];

    /// <summary>Posture operations that only the walks below call, because they need a parent answer or fixed parameters.</summary>
    internal static IEnumerable<AwsOperation> PostureWalked() =>
    [
        Ops.GetAlternateContact, Ops.GetAccountPublicAccessBlock, Ops.GetBucketLogging,
        Ops.ListServiceControlPolicies, Ops.DescribePolicy, Ops.ListTargetsForPolicy, Ops.ListDelegatedAdministrators,
        Ops.DescribeFileSystems, Ops.DescribeFileSystemPolicy, Ops.ListAnalyzers, Ops.ListAnalyzerFindings,
        Ops.DescribeHub, Ops.GetEnabledStandards, Ops.ListWebACLs, Ops.ListResourcesForWebACL,
        Ops.DescribeRepositories, Ops.GetRepositoryPolicy, Ops.GetLifecyclePolicy, Ops.ListClusters, Ops.DescribeCluster,
        Ops.DescribeEnvironments, Ops.DescribeConfigurationSettings, Ops.GetRestApis, Ops.GetStages, Ops.ListUserPools,
        Ops.ListFlows, Ops.DescribeFlow, Ops.GetLifecyclePolicies, Ops.GetDlmLifecyclePolicy,
    ];

    private Task WalkGlobalPostureAsync(CancellationTokenSource stop) => Task.WhenAll(
        CallAsync(Regions.Global, options.HomeRegion, Ops.GetAlternateContact, null, new JsonObject { ["AlternateContactType"] = "SECURITY" }, stop),
        CallAsync(Regions.Global, options.HomeRegion, Ops.GetAccountPublicAccessBlock, null, new JsonObject { ["AccountId"] = Account }, stop));

    /// <summary>Service control policies, their content and targets, and delegated administrators: only inside an organization.</summary>
    private async Task WalkOrganizationPoliciesAsync(CancellationTokenSource stop)
    {
        var delegated = CallAsync(Regions.Global, options.HomeRegion, Ops.ListDelegatedAdministrators, null, null, stop);
        var policies = await CallAsync(Regions.Global, options.HomeRegion, Ops.ListServiceControlPolicies, null,
            new JsonObject { ["Filter"] = "SERVICE_CONTROL_POLICY" }, stop).ConfigureAwait(false);
        var ids = policies is { } p ? Ids(p, "Policies", "Id") : [];
        await Task.WhenAll(
        [
            delegated,
            .. ids.Select(id => CallAsync(Regions.Global, options.HomeRegion, Ops.DescribePolicy, id, new JsonObject { ["PolicyId"] = id }, stop)),
            .. ids.Select(id => CallAsync(Regions.Global, options.HomeRegion, Ops.ListTargetsForPolicy, id, new JsonObject { ["PolicyId"] = id }, stop)),
        ]).ConfigureAwait(false);
    }

    private Task WalkRegionalPostureAsync(string region, CancellationTokenSource stop) => Task.WhenAll(
        Children(region, Ops.DescribeFileSystems, null, "FileSystems", "FileSystemId", stop,
            id => [(Ops.DescribeFileSystemPolicy, new JsonObject { ["FileSystemId"] = id })]),
        Children(region, Ops.ListAnalyzers, null, "analyzers", "arn", stop,
            arn => [(Ops.ListAnalyzerFindings, new JsonObject { ["analyzerArn"] = arn, ["filter"] = new JsonObject { ["status"] = new JsonObject { ["eq"] = new JsonArray("ACTIVE") } } })]),
        WalkSecurityHubAsync(region, stop),
        WalkWebAclsAsync(region, stop),
        Children(region, Ops.DescribeRepositories, null, "repositories", "repositoryName", stop,
            name => [(Ops.GetRepositoryPolicy, new JsonObject { ["repositoryName"] = name }), (Ops.GetLifecyclePolicy, new JsonObject { ["repositoryName"] = name })]),
        Children(region, Ops.ListClusters, null, null, null, stop, name => [(Ops.DescribeCluster, new JsonObject { ["name"] = name })]),
        WalkBeanstalkAsync(region, stop),
        Children(region, Ops.GetRestApis, null, "items", "id", stop, id => [(Ops.GetStages, new JsonObject { ["restApiId"] = id })]),
        CallAsync(region, region, Ops.ListUserPools, null, new JsonObject { ["MaxResults"] = 60 }, stop),
        Children(region, Ops.ListFlows, null, "flows", "flowName", stop, name => [(Ops.DescribeFlow, new JsonObject { ["flowName"] = name })]),
        Children(region, Ops.GetLifecyclePolicies, null, "Policies", "PolicyId", stop, id => [(Ops.GetDlmLifecyclePolicy, new JsonObject { ["PolicyId"] = id })]));

    /// <summary>
    /// A list, then per item the given per-resource calls, each stored under the item's id. A null
    /// <paramref name="idKey"/> means the list holds the ids themselves (eks:ListClusters).
    /// </summary>
    private async Task Children(string region, AwsOperation parent, JsonObject? parameters, string? listKey, string? idKey, CancellationTokenSource stop,
        Func<string, IEnumerable<(AwsOperation Operation, JsonObject Parameters)>> children)
    {
        if (await CallAsync(region, region, parent, null, parameters, stop).ConfigureAwait(false) is not { } answer)
        {
            return;
        }

        var ids = idKey is null
            ? Items(answer, listKey ?? parent.ItemKey!).Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
            : Ids(answer, listKey!, idKey);
        await Task.WhenAll(ids.SelectMany(id => children(id).Select(c => CallAsync(region, region, c.Operation, id, c.Parameters, stop)))).ConfigureAwait(false);
    }

    private async Task WalkSecurityHubAsync(string region, CancellationTokenSource stop)
    {
        // Not enabled in the region is no answer and no gap; then there are no standards to read either.
        if (await CallAsync(region, region, Ops.DescribeHub, null, null, stop).ConfigureAwait(false) is not null)
        {
            await CallAsync(region, region, Ops.GetEnabledStandards, null, null, stop).ConfigureAwait(false);
        }
    }

    private async Task WalkWebAclsAsync(string region, CancellationTokenSource stop)
    {
        if (await CallAsync(region, region, Ops.ListWebACLs, null, new JsonObject { ["Scope"] = "REGIONAL" }, stop).ConfigureAwait(false) is not { } acls)
        {
            return;
        }

        await Task.WhenAll(Ids(acls, "WebACLs", "ARN").Select(arn => WalkWebAclAsync(region, arn, stop))).ConfigureAwait(false);
    }

    /// <summary>One answer per web ACL, its resources of every regional type merged, as if one call had listed them all.</summary>
    private async Task WalkWebAclAsync(string region, string arn, CancellationTokenSource stop)
    {
        var answers = await Task.WhenAll(WebAclResourceTypes.Select(type => CallAsync(region, region, Ops.ListResourcesForWebACL, arn,
            new JsonObject { ["WebACLArn"] = arn, ["ResourceType"] = type }, stop, emit: false))).ConfigureAwait(false);
        if (answers.All(a => a is null))
        {
            return;
        }

        var merged = new JsonArray([.. answers.OfType<JsonElement>().SelectMany(a => Items(a, "ResourceArns")).Select(r => (JsonNode?)r.GetString())]);
        Emit(region, Ops.ListResourcesForWebACL, arn, JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["ResourceArns"] = merged }));
    }

    private async Task WalkBeanstalkAsync(string region, CancellationTokenSource stop)
    {
        if (await CallAsync(region, region, Ops.DescribeEnvironments, null, null, stop).ConfigureAwait(false) is not { } environments)
        {
            return;
        }

        await Task.WhenAll(Items(environments, "Environments")
            .Select(e => (Application: Text(e, "ApplicationName"), Environment: Text(e, "EnvironmentName")))
            .Where(e => e.Application is not null && e.Environment is not null)
            .Select(e => CallAsync(region, region, Ops.DescribeConfigurationSettings, e.Environment,
                new JsonObject { ["ApplicationName"] = e.Application, ["EnvironmentName"] = e.Environment }, stop))).ConfigureAwait(false);
    }

    private static List<string> Ids(JsonElement answer, string listKey, string idKey) =>
        [.. Items(answer, listKey).Select(i => Text(i, idKey)).OfType<string>()];
}
