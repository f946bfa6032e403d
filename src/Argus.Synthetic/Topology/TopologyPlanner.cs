using Argus.Synthetic.Addressing;
using Argus.Synthetic.Catalog;
using Argus.Synthetic.Determinism;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Topology;

/// <summary>
/// Decides every account's VPCs in every region, gives them CIDRs that never overlap across the organization
/// (so any path through the transit gateways and peerings is unambiguous), and spreads the preset's network
/// interfaces over the accounts.
/// </summary>
internal static class TopologyPlanner
{
    private static readonly string[] SystemsManagerEndpoints = ["ssm", "ssmmessages", "ec2messages"];

    public sealed record Result(
        RegionSkeleton[][] Skeletons,
        IReadOnlyList<TransitGatewayPlan> TransitGateways,
        IReadOnlyList<PeeringPlan> Peerings,
        OnPremisesPlan OnPremises);

    private sealed record VpcSpec(
        string Name, VpcKind Kind, int Zones, IReadOnlyList<SubnetTier> Tiers, bool InternetGateway, NatLayout Nat,
        bool TransitGateway, IReadOnlyList<string> Endpoints, bool PublicLoadBalancer, bool InternalLoadBalancer,
        bool FlowLogs, bool Ipv6);

    public static Result Build(SyntheticPreset preset, int seed, IReadOnlyList<AccountPlan> accounts, IReadOnlyList<AwsRegion> regions, DateTimeOffset now)
    {
        var firstDev = accounts.First(a => a.Role == AccountRole.Workload && a.Environment == "dev");
        var specs = new List<VpcSpec>[accounts.Count][];
        var numbered = 0;
        foreach (var account in accounts)
        {
            specs[account.Index] = new List<VpcSpec>[regions.Count];
            for (var r = 0; r < regions.Count; r++)
            {
                var random = Random(seed, account, regions[r].Name, "topology");
                var list = Specs(preset, account, r, regions[r], random, plantNoFlowLogs: account == firstDev && r == 0);
                numbered += list.Count(v => v.Kind != VpcKind.Default);
                specs[account.Index][r] = list;
            }
        }

        // The smallest VPC size that gives every VPC its own block of 10.0.0.0/8 (block 0 is left unused).
        var prefix = 16;
        while (numbered + 1 > 1 << (prefix - 8))
        {
            prefix++;
        }

        var ipv6Base = (int)(StableHash.Combine(StableHash.Mix(unchecked((ulong)seed)), "ipv6") % 0xE0000) + 0x10000;
        var skeletons = new RegionSkeleton[accounts.Count][];
        var vpcs = new VpcSkeleton[accounts.Count][][];
        var ordinal = 0;
        foreach (var account in accounts)
        {
            vpcs[account.Index] = new VpcSkeleton[regions.Count][];
            for (var r = 0; r < regions.Count; r++)
            {
                var ids = new IdFactory(seed, account.Id, regions[r].Name);
                vpcs[account.Index][r] = specs[account.Index][r].Select((spec, index) =>
                {
                    var isDefault = spec.Kind == VpcKind.Default;
                    var number = isDefault ? 0 : ++ordinal;
                    var cidr = isDefault ? Ipv4Block.Parse("172.31.0.0/16") : new Ipv4Block((10u << 24) + ((uint)number << (32 - prefix)), prefix);
                    var v6 = ipv6Base + number;
                    var ipv6 = spec.Ipv6 ? $"{regions[r].Ipv6Prefix}:{(v6 >> 8) & 0xFFFF:x}:{(v6 & 0xFF) << 8:x}::/56" : null;
                    return new VpcSkeleton(
                        account, r, regions[r].Name, ids, index, spec.Name, spec.Kind, cidr, number, ipv6, spec.Zones, spec.Tiers,
                        spec.InternetGateway, spec.Nat, spec.TransitGateway, spec.Endpoints, spec.PublicLoadBalancer,
                        spec.InternalLoadBalancer, spec.FlowLogs);
                }).ToArray();
            }
        }

        var budgets = InstanceBudgets(preset, seed, accounts, regions, vpcs);
        foreach (var account in accounts)
        {
            skeletons[account.Index] = new RegionSkeleton[regions.Count];
            for (var r = 0; r < regions.Count; r++)
            {
                skeletons[account.Index][r] = new RegionSkeleton(
                    account, r, regions[r], new IdFactory(seed, account.Id, regions[r].Name), vpcs[account.Index][r], budgets[account.Index][r]);
            }
        }

        var network = accounts.First(a => a.Role == AccountRole.Network);
        var gateways = regions.Select((region, r) => new TransitGatewayPlan(network, r, region.Name, new IdFactory(seed, network.Id, region.Name), 64512 + r)).ToList();
        var onPremises = new OnPremisesPlan(network, regions[0].Name, gateways[0].Ids, vpcs[network.Index][0][0]);
        return new Result(skeletons, gateways, Peerings(accounts, regions, vpcs, now), onPremises);
    }

    private static SeededRandom Random(int seed, AccountPlan account, string region, string purpose) =>
        new(StableHash.Combine(StableHash.Combine(StableHash.Combine(StableHash.Mix(unchecked((ulong)seed)), account.Id), region), purpose));

    private static List<VpcSpec> Specs(SyntheticPreset preset, AccountPlan account, int regionIndex, AwsRegion region, SeededRandom random, bool plantNoFlowLogs)
    {
        var zones = preset.AvailabilityZones;
        var small = preset.Accounts <= 5;

        // Larger organizations forget a VPC's flow logs now and then; the demo forgets exactly one.
        var flowLogs = !plantNoFlowLogs && (small || !random.Chance(0.08));
        var list = new List<VpcSpec>();
        SubnetTier[] threeTiers = [SubnetTier.Public, SubnetTier.Private, SubnetTier.Data];
        switch (account.Role)
        {
            case AccountRole.Management:
                list.Add(DefaultVpc(region));
                return list;
            case AccountRole.LogArchive:
                break;
            case AccountRole.Security:
                list.Add(new("security-tooling-vpc", VpcKind.Security, zones, [SubnetTier.Public, SubnetTier.Private], true, NatLayout.Single, true, SystemsManagerEndpoints, false, false, flowLogs, false));
                break;
            case AccountRole.Network:
                // AWS's centralized inspection design: transit gateway attachments in the private subnets, a Network
                // Firewall endpoint per zone in the firewall subnets, NAT gateways and the internet gateway behind it.
                list.Add(new("network-egress-vpc", VpcKind.Egress, zones, [SubnetTier.Public, SubnetTier.Private, SubnetTier.Firewall], true, NatLayout.PerZone, true, [], false, false, flowLogs, false));
                break;
            case AccountRole.SharedServices:
                list.Add(new("shared-services-vpc", VpcKind.SharedServices, zones, [SubnetTier.Private], false, NatLayout.None, true, SystemsManagerEndpoints, false, false, flowLogs, false));
                break;
            case AccountRole.Sandbox:
                list.Add(new($"{account.Prefix}-vpc", VpcKind.Sandbox, 2, [SubnetTier.Public, SubnetTier.Private], true, NatLayout.Single, false, [], false, false, flowLogs, false));
                break;
            case AccountRole.Workload when account.IsProduction:
                list.Add(new($"{account.Prefix}-vpc", VpcKind.Workload, zones, threeTiers, true, NatLayout.PerZone, true, SystemsManagerEndpoints, true, true, flowLogs, true));
                break;
            case AccountRole.Workload when account.Environment == "dev" && account.TeamIndex % 2 == 1:
                // Egress through the hub: no internet gateway of its own, so no public subnets and no public load balancer.
                list.Add(new($"{account.Prefix}-vpc", VpcKind.Workload, 2, [SubnetTier.Private, SubnetTier.Data], false, NatLayout.None, true, [], false, true, flowLogs, false));
                break;
            case AccountRole.Workload:
                list.Add(new($"{account.Prefix}-vpc", VpcKind.Workload, 2, threeTiers, true, NatLayout.Single, true, [], true, true, flowLogs, false));
                break;
        }

        if (!small && random.Chance(0.12))
        {
            list.Add(DefaultVpc(region));
        }

        return list;
    }

    private static VpcSpec DefaultVpc(AwsRegion region) =>
        new("", VpcKind.Default, region.ZoneCount, [SubnetTier.Public], true, NatLayout.None, false, [], false, false, false, false);

    private static double Weight(AccountPlan account) => account.Role switch
    {
        AccountRole.Workload => account.Environment switch { "prod" => 10, "staging" => 6, _ => 5 },
        AccountRole.SharedServices => 4,
        AccountRole.Security => 2,
        AccountRole.Sandbox => 1,
        _ => 0,
    };

    /// <summary>
    /// Interfaces left after the plumbing are shared out as instances by weight (production heavier, the first
    /// region twice the others, each account varied by the seed), with largest remainders so the total is exact.
    /// </summary>
    private static int[][] InstanceBudgets(SyntheticPreset preset, int seed, IReadOnlyList<AccountPlan> accounts, IReadOnlyList<AwsRegion> regions, VpcSkeleton[][][] vpcs)
    {
        var infrastructure = vpcs.Sum(a => a.Sum(r => r.Sum(v => v.InfrastructureInterfaces)));
        var remaining = preset.NetworkInterfaces - infrastructure;
        if (remaining < 10)
        {
            throw new ArgumentException($"preset '{preset.Name}': {preset.NetworkInterfaces} network interfaces cannot hold the {infrastructure} the network itself needs plus a few instances", nameof(preset));
        }

        var weights = new List<(int Account, int Region, double Weight)>();
        foreach (var account in accounts)
        {
            var variation = 0.6 + Random(seed, account, "", "size").NextDouble() * 0.8;
            for (var r = 0; r < regions.Count; r++)
            {
                if (vpcs[account.Index][r].Any(v => v.HostsInstances))
                {
                    weights.Add((account.Index, r, Weight(account) * variation * (r == 0 ? 2 : 1)));
                }
            }
        }

        var total = weights.Sum(w => w.Weight);
        var budgets = accounts.Select(_ => new int[regions.Count]).ToArray();
        var shares = weights.Select(w => (w.Account, w.Region, Exact: remaining * w.Weight / total)).ToList();
        foreach (var s in shares)
        {
            budgets[s.Account][s.Region] = (int)Math.Floor(s.Exact);
        }

        var left = remaining - shares.Sum(s => (int)Math.Floor(s.Exact));
        foreach (var s in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Account).ThenBy(s => s.Region).Take(left))
        {
            budgets[s.Account][s.Region]++;
        }

        return budgets;
    }

    /// <summary>
    /// The security tooling VPC is peered with the first few production VPCs (scanners reach them directly), and
    /// the first production VPC with its disaster-recovery copy in the second region.
    /// </summary>
    private static List<PeeringPlan> Peerings(IReadOnlyList<AccountPlan> accounts, IReadOnlyList<AwsRegion> regions, VpcSkeleton[][][] vpcs, DateTimeOffset now)
    {
        var peerings = new List<PeeringPlan>();
        var security = vpcs[accounts.First(a => a.Role == AccountRole.Security).Index][0][0];
        var productions = accounts.Where(a => a.Role == AccountRole.Workload && a.IsProduction).Take(5).ToList();
        foreach (var production in productions)
        {
            peerings.Add(Peering(vpcs[production.Index][0][0], security, now.AddDays(-400 + production.Index)));
        }

        if (regions.Count > 1)
        {
            var first = productions[0];
            peerings.Add(Peering(vpcs[first.Index][0][0], vpcs[first.Index][1][0], now.AddDays(-300)));
        }

        return peerings;
    }

    private static PeeringPlan Peering(VpcSkeleton requester, VpcSkeleton accepter, DateTimeOffset created) =>
        new(requester.Ids.Ec2("pcx", "pcx:" + accepter.Id, 0), $"{requester.Name}-to-{accepter.Name}{(requester.Region == accepter.Region ? "" : "-" + accepter.Region)}", requester, accepter, created);
}
