namespace Argus.Network.FlowLogs.Reporting;

public enum RuleVerdict
{
    /// <summary>Traffic used the rule, and it is not much broader than that traffic (or that could not be judged).</summary>
    Used,

    /// <summary>Traffic used the rule, but over a small part of what it allows: a tighter rule is suggested.</summary>
    OverBroad,

    /// <summary>No traffic used the rule over a window the logs fully cover.</summary>
    Unused,

    /// <summary>No traffic was seen, but the logs do not cover every interface the rule applies to: no claim is made.</summary>
    NotEvaluated,

    /// <summary>Deny entries and the default network ACL entry: accepted traffic cannot show them used.</summary>
    NotApplicable,
}
