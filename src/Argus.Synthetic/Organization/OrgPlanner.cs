using Argus.Core.Model;
using Argus.Synthetic.Catalog;
using Argus.Synthetic.Determinism;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Organization;

/// <summary>Lays out the organization for a preset and seed: accounts, OUs, then the network skeleton.</summary>
internal static class OrgPlanner
{
    /// <summary>The fixed moment synthetic snapshots are taken at, so the same seed gives the same bytes.</summary>
    public static readonly DateTimeOffset CollectedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Company = "acme";

    public static OrgPlan Build(SyntheticPreset preset, int seed)
    {
        Validate(preset);
        var orgIds = new IdFactory(seed, "organization", Regions.Global);
        var rootSuffix = orgIds.Alnum("root", 0, 4);
        var rootId = "r-" + rootSuffix;
        var specs = AccountSpecs(preset.Accounts);
        var units = Units(specs, rootId, rootSuffix, orgIds);
        var accounts = Accounts(specs, units, rootId, seed);
        var regions = AwsRegions.Used.Take(preset.Regions).ToList();
        var topology = TopologyPlanner.Build(preset, seed, accounts, regions, CollectedAt);
        return new OrgPlan
        {
            Preset = preset,
            Seed = seed,
            Now = CollectedAt,
            Company = Company,
            OrganizationId = "o-" + orgIds.Alnum("organization", 0, 10),
            RootId = rootId,
            Accounts = accounts,
            Units = units.Values.ToList(),
            Regions = regions,
            Skeletons = topology.Skeletons,
            TransitGateways = topology.TransitGateways,
            Peerings = topology.Peerings,
            OnPremises = topology.OnPremises,
        };
    }

    private static void Validate(SyntheticPreset preset)
    {
        if (preset.Accounts < 5)
        {
            throw new ArgumentException($"preset '{preset.Name}': an organization needs at least 5 accounts (management, security, network, prod, dev), not {preset.Accounts}", nameof(preset));
        }

        if (preset.Regions < 1 || preset.Regions > AwsRegions.Used.Count)
        {
            throw new ArgumentException($"preset '{preset.Name}': regions must be between 1 and {AwsRegions.Used.Count}, not {preset.Regions}", nameof(preset));
        }

        if (preset.AvailabilityZones is < 2 or > 3)
        {
            throw new ArgumentException($"preset '{preset.Name}': availability zones must be 2 or 3, not {preset.AvailabilityZones}", nameof(preset));
        }

        if (preset.BucketsPerAccount < 0 || preset.UsersPerAccount < 0)
        {
            throw new ArgumentException($"preset '{preset.Name}': bucket and user counts cannot be negative", nameof(preset));
        }
    }

    private sealed record AccountSpec(AccountRole Role, string Environment, int TeamIndex, string Team, string Prefix, string UnitPath);

    private static List<AccountSpec> AccountSpecs(int count)
    {
        var large = count >= 10;
        var specs = new List<AccountSpec>
        {
            new(AccountRole.Management, "", -1, "platform", "management", ""),
            new(AccountRole.Security, "", -1, "security", "security", "Security"),
        };
        if (large)
        {
            specs.Add(new(AccountRole.LogArchive, "", -1, "security", "log-archive", "Security"));
        }

        specs.Add(new(AccountRole.Network, "", -1, "platform", large ? "network" : "network-hub", "Infrastructure"));
        if (large)
        {
            specs.Add(new(AccountRole.SharedServices, "", -1, "platform", "shared-services", "Infrastructure"));
        }

        var sandboxes = count >= 50 ? count / 20 : 0;
        var workloads = count - specs.Count - sandboxes;
        string[] environments = workloads <= 2 ? ["prod", "dev"] : ["prod", "staging", "dev"];
        var teams = (workloads + environments.Length - 1) / environments.Length;
        for (var k = 0; k < workloads; k++)
        {
            var team = k / environments.Length;
            var environment = environments[k % environments.Length];
            var teamName = workloads <= 2 ? null : Teams.Name(team);
            var unit = "Workloads/" + char.ToUpperInvariant(environment[0]) + environment[1..];
            if (teams > 12)
            {
                unit += "/" + Teams.BusinessUnit(team);
            }

            specs.Add(new(AccountRole.Workload, environment, team, teamName ?? "storefront", teamName is null ? environment : $"{teamName}-{environment}", unit));
        }

        for (var k = 0; k < sandboxes; k++)
        {
            specs.Add(new(AccountRole.Sandbox, "sandbox", -1, "engineering", $"sandbox-{k + 1}", "Sandbox"));
        }

        return specs;
    }

    /// <summary>Every OU the accounts need, parents before children, keyed by path.</summary>
    private static Dictionary<string, OrganizationalUnitPlan> Units(List<AccountSpec> specs, string rootId, string rootSuffix, IdFactory ids)
    {
        var units = new Dictionary<string, OrganizationalUnitPlan>(StringComparer.Ordinal);
        foreach (var path in specs.Select(s => s.UnitPath).Where(p => p.Length > 0).Distinct())
        {
            var parts = path.Split('/');
            for (var depth = 1; depth <= parts.Length; depth++)
            {
                var prefix = string.Join('/', parts.Take(depth));
                if (!units.ContainsKey(prefix))
                {
                    var parent = depth == 1 ? rootId : units[string.Join('/', parts.Take(depth - 1))].Id;
                    units[prefix] = new OrganizationalUnitPlan($"ou-{rootSuffix}-{ids.Alnum("ou", units.Count, 8)}", parts[depth - 1], parent, prefix);
                }
            }
        }

        return units;
    }

    private static List<AccountPlan> Accounts(List<AccountSpec> specs, Dictionary<string, OrganizationalUnitPlan> units, string rootId, int seed)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new List<AccountPlan>(specs.Count);
        var founded = new DateTimeOffset(2019, 3, 4, 9, 12, 0, TimeSpan.Zero);
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            string id;
            var attempt = 0L;
            do
            {
                id = (StableHash.Combine(StableHash.Combine(StableHash.Mix(unchecked((ulong)seed)), "account-id"), i * 1000L + attempt++) % 1_000_000_000_000UL).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            }
            while (!taken.Add(id));

            // Accounts join over the organization's first three years, so everything in them can be older than a year.
            var joined = founded.AddDays(i * 1000.0 / specs.Count).AddMinutes(StableHash.Combine(StableHash.Of(id), "joined") % 600);
            accounts.Add(new AccountPlan(
                i,
                id,
                $"{Company}-{spec.Prefix}",
                spec.Prefix,
                $"aws+{spec.Prefix}@{Company}.example",
                spec.Role,
                spec.Environment,
                spec.TeamIndex,
                spec.Team,
                spec.UnitPath.Length == 0 ? rootId : units[spec.UnitPath].Id,
                joined,
                Invited: i == 0));
        }

        return accounts;
    }
}
