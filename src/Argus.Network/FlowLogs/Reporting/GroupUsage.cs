using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>A security group's usage: whether any interface has it and any traffic used its rules.</summary>
public sealed record GroupUsage(SecurityGroupFacts Group, RuleVerdict Verdict, string Reason, long Hits);
