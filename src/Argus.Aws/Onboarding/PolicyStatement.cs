namespace Argus.Aws.Onboarding;

/// <summary>One IAM condition: <c>"Operator": { "Key": [values] }</c>.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>One Allow statement of a generated policy.</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, IReadOnlyList<PolicyCondition> Conditions);
