namespace Argus.Network.Reachability;

/// <summary>Where a path leaves the modelled network.</summary>
internal enum ExitKind
{
    None,
    Internet,
    OnPremises,
    AwsService,
}
