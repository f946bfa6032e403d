namespace Argus.Aws.Doctor;

/// <summary>How an action's decision was obtained.</summary>
public enum CheckMethod
{
    /// <summary>iam:SimulatePrincipalPolicy evaluated the principal's policies, SCPs and permissions boundary.</summary>
    Simulation,

    /// <summary>A cheap read call was made and its answer observed.</summary>
    Probe,

    /// <summary>The call succeeded as part of the self-check itself (sts:GetCallerIdentity, sts:AssumeRole).</summary>
    Observed,

    /// <summary>Nothing could check this action.</summary>
    NotChecked,
}
