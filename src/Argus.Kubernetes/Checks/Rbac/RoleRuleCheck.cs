using Argus.Core.Model;
using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>
/// A check on the rules of each Role and ClusterRole: the risky grants a rule makes, named together with the
/// subjects who hold the role, so a finding says who can do what. Built-in roles bound only to Kubernetes' own
/// identities pass; a custom role that grants the risk fails even while unbound (the next binding inherits it).
/// </summary>
public sealed class RoleRuleCheck(CheckMetadata metadata, Func<PolicyRule, string?> risk) : KubernetesCheck
{
    public override CheckMetadata Metadata => metadata;

    public override IEnumerable<Verdict> Evaluate(ObjectSet objects)
    {
        var graph = new RbacGraph(objects);
        foreach (var role in objects.OfKinds("ClusterRole", "Role"))
        {
            var risks = RbacGraph.Rules(role).Select(r => risk(r) is { } what ? (Rule: r.ToString(), What: what) : default).Where(r => r.What is not null).ToList();
            var grants = graph.GrantsOf(role);
            var evidence = new
            {
                rules = risks.Select(r => new { rule = r.Rule, grants = r.What }).ToList(),
                bindings = grants.Select(g => new { binding = $"{g.Binding.Kind} {g.Binding.Namespace}/{g.Binding.Name}", scope = g.Scope, subjects = g.Subjects.Select(s => s.ToString()).ToList() }).ToList(),
            };
            if (risks.Count == 0)
            {
                yield return new Verdict(role, FindingStatus.Pass, $"{role.Display} grants no {metadata.Title.ToLowerInvariant()}", evidence);
                continue;
            }

            var what = string.Join("; ", risks.Select(r => r.What).Distinct());
            if (RbacGraph.IsBuiltIn(role) && grants.SelectMany(g => g.Subjects).All(s => s.IsSystem))
            {
                yield return new Verdict(role, FindingStatus.Pass, $"{role.Display} is built in and held only by Kubernetes' own identities ({what})", evidence);
                continue;
            }

            var holders = grants.Count == 0 ? "it is bound to no one yet" : "held by " + string.Join("; ", grants);
            yield return new Verdict(role, FindingStatus.Fail, $"{role.Display} grants {what}: {holders}", evidence);
        }
    }
}
