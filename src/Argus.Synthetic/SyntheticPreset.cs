namespace Argus.Synthetic;

/// <summary>The size and shape of a synthetic AWS organization.</summary>
/// <param name="Name">The name users pass to <c>argus demo --preset</c>.</param>
/// <param name="Description">One line for help texts.</param>
/// <param name="Accounts">
/// How many accounts: management, security, network hub, then production and development workloads; from 10 on
/// also log archive and shared services, three environments per team, and from 50 on sandboxes. At least 5.
/// </param>
/// <param name="Regions">How many regions each account is collected in (eu-west-1, us-east-1, eu-central-1, us-west-2, ...), 1 to 6.</param>
/// <param name="AvailabilityZones">How many zones production and platform VPCs span (2 or 3).</param>
/// <param name="NetworkInterfaces">The exact number of network interfaces in the whole organization; what the network itself does not use becomes instances.</param>
/// <param name="BucketsPerAccount">General-purpose buckets per account, on top of each account's own (logs, application data, artifacts).</param>
/// <param name="UsersPerAccount">Human IAM users per account, on top of the automation and planted ones.</param>
public sealed record SyntheticPreset(
    string Name,
    string Description,
    int Accounts,
    int Regions,
    int AvailabilityZones,
    int NetworkInterfaces,
    int BucketsPerAccount,
    int UsersPerAccount);
