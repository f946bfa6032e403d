namespace Argus.Aws.Onboarding;

/// <summary>Where and under which conditions a group of actions is allowed; actions with the same shape share a statement.</summary>
/// <param name="Sid">The statement id, unique per shape.</param>
internal sealed record StatementShape(string Sid, IReadOnlyList<string> Resources, IReadOnlyList<PolicyCondition> Conditions);
