using Argus.Synthetic.Catalog;
using Argus.Synthetic.Determinism;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Organization;

/// <summary>
/// Everything about the organization that crosses account boundaries, small enough to hold for the largest
/// preset: accounts, organizational units, VPC skeletons, transit gateways, peerings. Each account and region
/// is generated in full from it, one at a time.
/// </summary>
internal sealed class OrgPlan
{
    public required SyntheticPreset Preset { get; init; }

    public required int Seed { get; init; }

    /// <summary>When the synthetic collection started; every timestamp in the documents is before it.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The company name every resource name starts with.</summary>
    public required string Company { get; init; }

    public required string OrganizationId { get; init; }

    public required string RootId { get; init; }

    public required IReadOnlyList<AccountPlan> Accounts { get; init; }

    public required IReadOnlyList<OrganizationalUnitPlan> Units { get; init; }

    public required IReadOnlyList<AwsRegion> Regions { get; init; }

    /// <summary>Indexed by account index, then region index.</summary>
    public required RegionSkeleton[][] Skeletons { get; init; }

    /// <summary>The hub's transit gateway in each region, by region index.</summary>
    public required IReadOnlyList<TransitGatewayPlan> TransitGateways { get; init; }

    public required IReadOnlyList<PeeringPlan> Peerings { get; init; }

    public required OnPremisesPlan OnPremises { get; init; }

    public AccountPlan Management => Accounts[0];

    public AccountPlan Network => Accounts.First(a => a.Role == AccountRole.Network);

    public AccountPlan Security => Accounts.First(a => a.Role == AccountRole.Security);

    /// <summary>Where VPC flow logs and CloudTrail are delivered: the log archive account, or security in small organizations.</summary>
    public AccountPlan LogArchive => Accounts.FirstOrDefault(a => a.Role == AccountRole.LogArchive) ?? Security;

    /// <summary>The production account that carries the planted production mistakes.</summary>
    public AccountPlan FirstProduction => Accounts.First(a => a.Role == AccountRole.Workload && a.IsProduction);

    /// <summary>The development account that carries the planted development mistakes and the coverage gap.</summary>
    public AccountPlan FirstDevelopment => Accounts.First(a => a.Role == AccountRole.Workload && a.Environment == "dev");

    /// <summary>The region where the development account denies <c>ec2:DescribeFlowLogs</c>.</summary>
    public int GapRegionIndex => Regions.Count > 1 ? 1 : 0;

    public IdFactory Ids(AccountPlan account, string region) => new(Seed, account.Id, region);

    /// <summary>A generator for one purpose in one account and region, independent of every other.</summary>
    public SeededRandom Random(AccountPlan account, string region, string purpose) =>
        new(StableHash.Combine(StableHash.Combine(StableHash.Combine(StableHash.Mix(unchecked((ulong)Seed)), account.Id), region), purpose));

    public string LogBucket => $"{Company}-{LogArchive.Prefix}-flow-logs";

    public string AccountArn(AccountPlan account) => account.Arn(OrganizationId, Management.Id);
}
