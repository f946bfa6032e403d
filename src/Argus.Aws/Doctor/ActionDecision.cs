namespace Argus.Aws.Doctor;

/// <summary>What the self-check learned about one IAM action.</summary>
public enum ActionDecision
{
    /// <summary>The simulation allowed it, or a probe call succeeded.</summary>
    Allowed,

    /// <summary>The simulation found no statement allowing it.</summary>
    ImplicitDeny,

    /// <summary>The simulation found a statement denying it (identity policy, SCP or permissions boundary).</summary>
    ExplicitDeny,

    /// <summary>A probe call was refused with an access-denied error (explicit and implicit cannot be told apart).</summary>
    Denied,

    /// <summary>Neither simulated nor probed, or the probe failed for another reason: never counted as allowed.</summary>
    Unknown,
}
