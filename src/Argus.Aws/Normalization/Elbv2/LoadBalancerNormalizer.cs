using Argus.Aws.Normalization.Ec2;
using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Elbv2;

/// <summary>
/// Application, network and gateway load balancers: the balancers, their listeners (one answer per balancer),
/// target groups and registered targets (one answer per target group). Tags come from <c>DescribeTags</c>.
/// Target health is state, not configuration, so it becomes relations only, not properties that would change
/// with every health check.
/// </summary>
internal static class LoadBalancerNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        var tags = Tags(ctx);
        foreach (var item in ctx.Items(AwsOperations.DescribeLoadBalancers))
        {
            LoadBalancer(ctx, item, tags);
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeListeners))
        {
            Listener(ctx, item, tags);
        }

        var targetGroupVpcs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in ctx.Items(AwsOperations.DescribeTargetGroups))
        {
            TargetGroup(ctx, item, tags, targetGroupVpcs);
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeTargetHealth))
        {
            Target(ctx, item, targetGroupVpcs);
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Tags(NormalizationContext ctx)
    {
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var item in ctx.Items(AwsOperations.DescribeTags))
        {
            if (ctx.Id(item, "ResourceArn") is { } arn)
            {
                tags[arn] = ctx.Tags(item);
            }
        }

        return tags;
    }

    private static void LoadBalancer(NormalizationContext ctx, Item item, Dictionary<string, IReadOnlyDictionary<string, string>> tags)
    {
        if (Add(ctx, item, "LoadBalancerArn", AwsAssetTypes.LoadBalancer, ctx.String(item, "LoadBalancerName"), tags) is not { } lb)
        {
            return;
        }

        Placement.InVpc(ctx, item, lb);
        foreach (var zone in ctx.Objects(item, "AvailabilityZones"))
        {
            if (ctx.String(zone, "SubnetId") is { } subnetId)
            {
                ctx.Relate(lb, RelationKinds.In, ctx.Ec2Ref(Ec2Kinds.Subnet, subnetId));
            }
        }

        foreach (var groupId in ctx.Strings(item, "SecurityGroups"))
        {
            ctx.Relate(lb, RelationKinds.ProtectedBy, ctx.Ec2Ref(Ec2Kinds.SecurityGroup, groupId));
        }
    }

    private static void Listener(NormalizationContext ctx, Item item, Dictionary<string, IReadOnlyDictionary<string, string>> tags)
    {
        var protocol = ctx.String(item, "Protocol");
        var name = protocol is null ? null
            : item.Json.TryGetProperty("Port", out var port) && port.ValueKind == System.Text.Json.JsonValueKind.Number ? $"{protocol}:{port.GetRawText()}"
            : protocol;
        if (Add(ctx, item, "ListenerArn", AwsAssetTypes.Listener, name, tags) is not { } listener)
        {
            return;
        }

        if ((ctx.String(item, "LoadBalancerArn") ?? item.Document.Resource) is { } lb)
        {
            ctx.Relate(lb, RelationKinds.Contains, listener);
        }

        var targetGroups = ctx.Scratch();
        foreach (var action in ctx.Objects(item, "DefaultActions"))
        {
            if (ctx.String(action, "TargetGroupArn") is { } single && targetGroups.Add(single))
            {
                ctx.Relate(listener, RelationKinds.Targets, single);
            }

            if (ctx.Object(action, "ForwardConfig") is { } forward)
            {
                foreach (var tuple in ctx.Objects(forward, "TargetGroups"))
                {
                    if (ctx.String(tuple, "TargetGroupArn") is { } weighted && targetGroups.Add(weighted))
                    {
                        ctx.Relate(listener, RelationKinds.Targets, weighted);
                    }
                }
            }
        }
    }

    private static void TargetGroup(NormalizationContext ctx, Item item, Dictionary<string, IReadOnlyDictionary<string, string>> tags, Dictionary<string, string> vpcs)
    {
        if (Add(ctx, item, "TargetGroupArn", AwsAssetTypes.TargetGroup, ctx.String(item, "TargetGroupName"), tags) is { } group
            && ctx.String(item, "VpcId") is { } vpcId)
        {
            ctx.Relate(group, RelationKinds.In, ctx.Ec2Ref(Ec2Kinds.Vpc, vpcId));
            vpcs[group] = vpcId;
        }
    }

    /// <summary>
    /// One registered target: an instance by id, a Lambda function or load balancer by ARN, or an IP address,
    /// which is related to the interface holding it in the target group's VPC when this group describes one.
    /// </summary>
    private static void Target(NormalizationContext ctx, Item item, Dictionary<string, string> vpcs)
    {
        if (item.Document.Resource is not { } group)
        {
            ctx.Warn(item, "a target health answer without the target group it is about; skipped");
            return;
        }

        if (ctx.Object(item, "Target") is not { } target || ctx.Id(target, "Id") is not { } id)
        {
            return;
        }

        var to = id.StartsWith("i-", StringComparison.Ordinal) ? ctx.Ec2Ref(Ec2Kinds.Instance, id)
            : id.StartsWith("arn:", StringComparison.Ordinal) ? id
            : vpcs.TryGetValue(group, out var vpcId) && ctx.InterfacesByAddress is { } byAddress && byAddress.TryGetValue((vpcId, id), out var eni) ? eni
            : null;
        if (to is not null)
        {
            // One target registered on several ports is one relation.
            ctx.RelateOnce(group, RelationKinds.Targets, to);
        }
    }

    /// <summary>Adds an asset whose id is its own ARN member.</summary>
    private static string? Add(NormalizationContext ctx, Item item, string arnMember, string type, string? natural, Dictionary<string, IReadOnlyDictionary<string, string>> tags)
    {
        if (ctx.Id(item, arnMember) is not { } arn)
        {
            return null;
        }

        var assetTags = tags.GetValueOrDefault(arn) ?? NormalizationContext.NoTags;
        var name = NormalizationContext.NameOf(assetTags, natural ?? arn[(arn.LastIndexOf(':') + 1)..]);
        ctx.Add(arn, type, ctx.Account, ctx.Region, name, assetTags, ctx.Properties.Compact(item.Json));
        return arn;
    }
}
