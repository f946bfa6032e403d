using Argus.Aws.Onboarding;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// Decides a request as IAM would under the policy Argus generates for vuln.vm-scan: the action must be in a
/// statement whose every condition holds for the request's context (request tags, resource tags, create action,
/// grant operations and grantee). A condition key the context lacks fails, as in IAM.
/// </summary>
internal sealed class PolicyEvaluator(IReadOnlyList<PolicyStatement> statements)
{
    public static PolicyEvaluator VmScan(string roleName) =>
        new(AwsPolicyGenerator.Generate([Core.Permissions.Features.VmScan], roleName).Policies.SelectMany(p => p.Statements).ToList());

    public bool Grants(string action) => statements.Any(s => s.Actions.Contains(action));

    public bool Allows(string action, IReadOnlyDictionary<string, IReadOnlyList<string>> context) =>
        statements.Where(s => s.Actions.Contains(action)).Any(s => s.Conditions.All(c => Holds(c, context)));

    /// <summary>As IAM decides one resource of a request: a statement naming the action and a resource pattern matching <paramref name="resourceArn"/>, all its conditions holding.</summary>
    public bool Allows(string action, string resourceArn, IReadOnlyDictionary<string, IReadOnlyList<string>> context) =>
        statements.Where(s => s.Actions.Contains(action) && s.Resources.Any(r => Like(resourceArn, r))).Any(s => s.Conditions.All(c => Holds(c, context)));

    /// <summary>The policy of a launched scanner's instance role, which the worker's calls are decided by.</summary>
    public static PolicyEvaluator ScannerRole() => new(ScannerRolePolicy.Statements());

    private static bool Holds(PolicyCondition condition, IReadOnlyDictionary<string, IReadOnlyList<string>> context)
    {
        var present = context.TryGetValue(condition.Key, out var values);
        return condition.Operator switch
        {
            "StringEquals" or "Bool" => present && values!.Count > 0 && values.All(v => condition.Values.Contains(v)),
            "StringLike" => present && values!.Count > 0 && values.All(v => condition.Values.Any(p => Like(v, p))),
            "ForAllValues:StringEquals" => !present || values!.All(v => condition.Values.Contains(v)),
            _ => false,
        };
    }

    private static bool Like(string value, string pattern) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$");
}
