using Argus.Aws.Permissions;
using Argus.Core.Permissions;

namespace Argus.Aws.Onboarding;

/// <summary>
/// Turns a feature selection into least-privilege IAM managed policies: every action the catalog declares for those
/// features and nothing else, listed explicitly (no wildcards, so a new AWS action is never granted silently),
/// split into several policies when one would exceed <see cref="ManagedPolicy.MaxSize"/>.
/// </summary>
public static class AwsPolicyGenerator
{
    /// <summary>The role name used when none is given and no write feature is selected.</summary>
    public const string DefaultRoleName = "ArgusReadOnly";

    /// <summary>The role name used when none is given and a write feature is selected: the role is no longer read-only.</summary>
    public const string DefaultWriteRoleName = "ArgusOperator";

    /// <summary>The default role name for a feature selection.</summary>
    public static string DefaultRoleNameFor(IEnumerable<string> features) =>
        AwsPermissionCatalog.Instance.For(features).Any(p => p.Access == AccessLevel.Write) ? DefaultWriteRoleName : DefaultRoleName;

    /// <summary>Builds the policies for <paramref name="features"/> (validated names, see <see cref="AwsPermissionCatalog.ParseFeatures"/>).</summary>
    public static PolicySet Generate(IReadOnlyList<string> features, string roleName, int maxSize = ManagedPolicy.MaxSize)
    {
        var selected = features.ToHashSet(StringComparer.Ordinal);
        var shapes = new Dictionary<string, (StatementShape Shape, SortedSet<string> Actions)>(StringComparer.Ordinal);
        foreach (var permission in AwsPermissionCatalog.Instance.All)
        {
            foreach (var feature in permission.Features.Where(selected.Contains))
            {
                foreach (var shape in StatementShapes.For(permission, feature, roleName))
                {
                    if (!shapes.TryGetValue(shape.Sid, out var group))
                    {
                        shapes[shape.Sid] = group = (shape, new SortedSet<string>(StringComparer.Ordinal));
                    }

                    group.Actions.Add(permission.Action);
                }
            }
        }

        // Reads first, then the narrower statements, in a stable order so regenerated policies diff cleanly.
        var statements = shapes.Values
            .OrderBy(g => g.Shape.Sid == "ArgusRead" ? 0 : 1)
            .ThenBy(g => g.Shape.Sid, StringComparer.Ordinal)
            .Select(g => new PolicyStatement(g.Shape.Sid, [.. g.Actions], g.Shape.Resources, g.Shape.Conditions))
            .ToList();
        return new PolicySet(Features.All.Where(selected.Contains).ToList(), roleName, Pack(statements, roleName, maxSize));
    }

    /// <summary>
    /// Fills policies statement by statement, splitting a statement's action list where the policy is full; a
    /// split statement keeps its shape and gets a numbered Sid.
    /// </summary>
    private static List<ManagedPolicy> Pack(List<PolicyStatement> statements, string roleName, int maxSize)
    {
        var policies = new List<List<PolicyStatement>>();
        var current = new List<PolicyStatement>();
        foreach (var statement in statements)
        {
            var remaining = statement.Actions.ToList();
            var part = 1;
            while (remaining.Count > 0)
            {
                var sid = part == 1 ? statement.Sid : statement.Sid + part;
                var fit = LargestFit(current, statement with { Sid = sid }, remaining, maxSize);
                if (fit == 0)
                {
                    if (current.Count == 0)
                    {
                        throw new InvalidOperationException($"statement {sid} does not fit in a {maxSize}-character policy even with one action");
                    }

                    policies.Add(current);
                    current = [];
                    continue;
                }

                current.Add(statement with { Sid = sid, Actions = remaining[..fit] });
                remaining = remaining[fit..];
                part++;
                if (remaining.Count > 0)
                {
                    policies.Add(current);
                    current = [];
                }
            }
        }

        if (current.Count > 0 || policies.Count == 0)
        {
            policies.Add(current);
        }

        return policies.Select((p, i) => new ManagedPolicy(policies.Count == 1 ? roleName : $"{roleName}-{i + 1}", p)).ToList();
    }

    /// <summary>How many of <paramref name="actions"/> (a prefix) fit in the policy beside <paramref name="existing"/>.</summary>
    private static int LargestFit(List<PolicyStatement> existing, PolicyStatement statement, List<string> actions, int maxSize)
    {
        int low = 0, high = actions.Count;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            var candidate = new ManagedPolicy("probe", [.. existing, statement with { Actions = actions[..middle] }]);
            if (candidate.Size <= maxSize)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
