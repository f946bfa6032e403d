namespace Argus.Aws.Doctor;

/// <summary>The self-check's answer: who, how it checked, every action, every feature, and what it cannot see.</summary>
/// <param name="Caller">The identity the credentials belong to.</param>
/// <param name="Method">Simulation when iam:SimulatePrincipalPolicy answered, else Probe.</param>
/// <param name="Actions">Every catalog action of the requested features, in catalog order.</param>
/// <param name="Features">Every feature, requested or not, in <see cref="Core.Permissions.Features.All"/> order.</param>
/// <param name="Notes">Limits of this check the reader must know, e.g. why the simulation was not used.</param>
public sealed record DoctorReport(
    CallerIdentity Caller,
    CheckMethod Method,
    IReadOnlyList<ActionCheck> Actions,
    IReadOnlyList<FeatureCheck> Features,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every requested feature is available.</summary>
    public bool AllAvailable => Features.All(f => f.Status is FeatureStatus.Available or FeatureStatus.NotRequested);
}
