using System.Text.Json;
using Argus.Core.Model;
using Argus.Storage;

namespace Argus.Reporting;

/// <summary>
/// What a report shows about one snapshot, computed in one streaming pass over its assets and relations so it
/// works on large organizations too.
/// </summary>
public sealed record ReportData(
    Snapshot Snapshot,
    IReadOnlyList<Highlight> Highlights,
    IReadOnlyList<TypeCount> Types,
    IReadOnlyList<AccountRow> Accounts,
    IReadOnlyList<VpcRow> Vpcs,
    IReadOnlyList<LoadBalancerRow> LoadBalancers,
    IReadOnlyList<BucketRow> Buckets,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Open findings of this snapshot per severity, over all of them (the table shows the first 500).</summary>
    public IReadOnlyDictionary<Severity, int> OpenBySeverity { get; init; } = new Dictionary<Severity, int>();

    /// <summary>Open findings of this snapshot in all.</summary>
    public int OpenFindings { get; init; }

    /// <summary>Per account: failed findings by severity and framework pass rates, over all open findings of the snapshot.</summary>
    public IReadOnlyList<AccountPostureRow> AccountPosture { get; init; } = [];

    /// <summary>The engines' conclusions, when a command ran them.</summary>
    public ReportAnalysis? Analysis { get; init; }

    private const int MaxRows = 500;

    private static readonly (string Label, string Type)[] HighlightTypes =
    [
        ("VPCs", "aws.ec2.vpc"),
        ("Subnets", "aws.ec2.subnet"),
        ("Transit gateways", "aws.ec2.transit-gateway"),
        ("EC2 instances", "aws.ec2.instance"),
        ("Network interfaces", "aws.ec2.network-interface"),
        ("EBS volumes", "aws.ec2.volume"),
        ("Security groups", "aws.ec2.security-group"),
        ("Load balancers", "aws.elbv2.load-balancer"),
        ("S3 buckets", "aws.s3.bucket"),
        ("IAM users", "aws.iam.user"),
        ("IAM roles", "aws.iam.role"),
    ];

    public static ReportData Load(IArgusStore store, Snapshot snapshot)
    {
        var types = new Dictionary<string, (long Count, HashSet<string> Accounts)>(StringComparer.Ordinal);
        var perAccount = new Dictionary<string, long>(StringComparer.Ordinal);
        var orgAssets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        var vpcs = new List<Asset>();
        var lbs = new List<Asset>();
        var buckets = new List<Asset>();
        foreach (var a in store.QueryAssets(snapshot.Id))
        {
            if (!types.TryGetValue(a.Type, out var t))
            {
                t = (0, []);
            }

            t.Accounts.Add(a.Account);
            types[a.Type] = (t.Count + 1, t.Accounts);
            perAccount[a.Account] = perAccount.GetValueOrDefault(a.Account) + 1;
            switch (a.Type)
            {
                case "aws.organizations.account" or "aws.organizations.ou" or "aws.organizations.root":
                    orgAssets[a.Id] = a;
                    break;
                case "aws.ec2.vpc" when vpcs.Count < MaxRows:
                    vpcs.Add(a);
                    break;
                case "aws.elbv2.load-balancer" when lbs.Count < MaxRows:
                    lbs.Add(a);
                    break;
                case "aws.s3.bucket" when buckets.Count < MaxRows:
                    buckets.Add(a);
                    break;
            }
        }

        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var subnetsPerVpc = new Dictionary<string, int>(StringComparer.Ordinal);
        var vpcIds = vpcs.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in store.ReadRelations(snapshot.Id))
        {
            if (r.Kind == RelationKinds.MemberOf && orgAssets.ContainsKey(r.From) && orgAssets.ContainsKey(r.To))
            {
                parents[r.From] = r.To;
            }
            else if (r.Kind == RelationKinds.Contains && vpcIds.Contains(r.From) && r.To.Contains(":subnet/", StringComparison.Ordinal))
            {
                subnetsPerVpc[r.From] = subnetsPerVpc.GetValueOrDefault(r.From) + 1;
            }
        }

        var open = store.QueryFindings(new FindingQuery(OpenOnly: true)).Where(f => f.LastSnapshotId == snapshot.Id).ToList();
        var accountIds = snapshot.Scopes.Select(s => s.Account).Concat(perAccount.Keys).Distinct(StringComparer.Ordinal).ToList();
        var highlights = new List<Highlight>
        {
            new("Accounts", accountIds.Count),
            new("Regions", snapshot.Scopes.Select(s => s.Region).Where(r => r != Regions.Global).Distinct().Count()),
        };
        highlights.AddRange(HighlightTypes.Select(h => new Highlight(h.Label, types.TryGetValue(h.Type, out var c) ? c.Count : 0)));

        var accounts = AccountRows(accountIds, orgAssets, parents, perAccount);
        return new ReportData(
            snapshot,
            highlights,
            types.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TypeCount(t.Key, t.Value.Count, t.Value.Accounts.Count)).ToList(),
            accounts,
            vpcs.Select(v => new VpcRow(v.Name, v.Account, v.Region, Prop(v, "CidrBlock"), subnetsPerVpc.GetValueOrDefault(v.Id), Prop(v, "IsDefault") == "true")).ToList(),
            lbs.Select(l => new LoadBalancerRow(l.Name, l.Account, l.Region, Prop(l, "Type"), Prop(l, "Scheme"), Prop(l, "DNSName"))).ToList(),
            buckets.Select(b => new BucketRow(b.Name, b.Account, b.Region)).ToList(),
            [])
            with
        {
            Findings = open.OrderByDescending(f => f.Result.Status == FindingStatus.Fail).ThenByDescending(f => f.Result.Severity)
                .ThenBy(f => f.Result.CheckId, StringComparer.Ordinal).ThenBy(f => f.Result.ResourceId, StringComparer.Ordinal).Take(MaxRows).ToList(),
            OpenBySeverity = open.Where(f => f.Result.Status == FindingStatus.Fail).GroupBy(f => f.Result.Severity).ToDictionary(g => g.Key, g => g.Count()),
            OpenFindings = open.Count,
            // Passing results are stored resolved (a pass is not an open finding), so pass rates read them apart.
            AccountPosture = Reporting.AccountPosture.Of(
                open.Concat(store.QueryFindings(new FindingQuery(Status: FindingStatus.Pass)).Where(f => f.LastSnapshotId == snapshot.Id && !f.IsOpen)), accounts),
        };
    }

    private static List<AccountRow> AccountRows(List<string> accountIds, Dictionary<string, Asset> org, Dictionary<string, string> parents, Dictionary<string, long> perAccount)
    {
        // Organization account assets name member accounts; their own id is the "Id" of the ListAccounts item.
        var byAccountId = org.Values.Where(a => a.Type == "aws.organizations.account")
            .Select(a => (Asset: a, Id: Prop(a, "Id")))
            .Where(x => x.Id.Length > 0)
            .GroupBy(x => x.Id)
            .ToDictionary(g => g.Key, g => g.First().Asset, StringComparer.Ordinal);
        return accountIds
            .Select(id =>
            {
                var asset = byAccountId.GetValueOrDefault(id);
                return new AccountRow(id, asset?.Name ?? "", asset is null ? "" : OuPath(asset.Id, org, parents), perAccount.GetValueOrDefault(id));
            })
            .OrderBy(a => a.Path, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string OuPath(string id, Dictionary<string, Asset> org, Dictionary<string, string> parents)
    {
        var names = new List<string>();
        for (var current = parents.GetValueOrDefault(id); current is not null && names.Count < 10; current = parents.GetValueOrDefault(current))
        {
            names.Add(org.TryGetValue(current, out var a) && a.Type != "aws.organizations.root" ? a.Name : "Root");
        }

        names.Reverse();
        return string.Join(" / ", names);
    }

    private static string Prop(Asset asset, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(asset.Properties);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v)
                ? v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString() ?? "",
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => v.GetRawText(),
                }
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
