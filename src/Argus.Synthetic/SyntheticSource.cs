using Argus.Core.Import;
using Argus.Core.Model;
using Argus.Synthetic.Documents;
using Argus.Synthetic.Identity;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Regional;
using Argus.Synthetic.Storage;

namespace Argus.Synthetic;

/// <summary>
/// The synthetic organization as a snapshot source. The plan (accounts, VPC skeletons) is built up front; each
/// account's global answers and each region's answers are generated only when the enumeration reaches them.
/// </summary>
internal sealed class SyntheticSource : ISnapshotSource
{
    private readonly OrgPlan org;
    private List<CoverageGap> gaps = [];

    public SyntheticSource(SyntheticPreset preset, int seed)
    {
        org = OrgPlanner.Build(preset, seed);
        var scopes = org.Accounts
            .SelectMany(a => org.Regions.Select(r => new Scope(Provider.Aws, a.Id, r.Name)).Append(new Scope(Provider.Aws, a.Id, Regions.Global)))
            .ToList();
        Header = new SnapshotHeader(
            Id: $"snap-synthetic-{preset.Name}-{seed}",
            StartedAt: org.Now,
            FinishedAt: org.Now.AddSeconds(20 + scopes.Count * 3),
            Status: SnapshotStatus.Complete,
            Label: $"synthetic {preset.Name} (seed {seed})",
            Scopes: scopes);
        Description = $"synthetic:{preset.Name}:{seed}";
    }

    public string Description { get; }

    public SnapshotHeader Header { get; }

    public IReadOnlyList<CoverageGap> Gaps => gaps;

    public IReadOnlyList<ImportNotice> Notices { get; } = [];

    public IEnumerable<RawDocument> ReadDocuments()
    {
        var found = new List<CoverageGap>();
        gaps = found;
        using var writer = new DocumentWriter();
        foreach (var account in org.Accounts)
        {
            yield return StsDocuments.CallerIdentity(writer, org, account);

            if (account == org.Management)
            {
                foreach (var document in OrganizationDocuments.All(writer, org).Concat(OrganizationPolicyDocuments.All(writer, org)))
                {
                    yield return document;
                }
            }

            foreach (var document in IamDocuments.All(writer, IamPlanner.For(org, account), org.Now))
            {
                yield return document;
            }

            var buckets = BucketPlanner.For(org, account);
            foreach (var document in S3Documents.All(writer, org, account, buckets).Concat(AccountPostureDocuments.All(writer, org, account, buckets)))
            {
                yield return document;
            }

            foreach (var skeleton in org.Skeletons[account.Index])
            {
                var region = RegionPlanner.Build(org, skeleton);
                foreach (var document in RegionDocuments.All(writer, region, found.Add))
                {
                    yield return document;
                }
            }
        }
    }
}
