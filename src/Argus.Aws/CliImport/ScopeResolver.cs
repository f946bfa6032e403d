using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Aws.CliImport;

/// <summary>
/// Settles each answer's account and region. What the folders say wins, then <c>--account</c> / <c>--region</c>,
/// then what the data says, which is reported as an inference; when nothing says, the import stops and asks.
/// Global operations always go to <c>global</c>.
/// </summary>
internal sealed class ScopeResolver(string root, string? account, string? region, List<ImportNotice> notices)
{
    public List<PlacedFile> Resolve(IReadOnlyList<ScannedFile> files)
    {
        var inferredAccount = account is null && files.Any(f => f.Location.Account is null)
            ? InferAccount(files.Where(f => f.Location.Account is null).ToList())
            : null;
        WarnIfContradicted(files.Where(f => f.Location.Account is not null || account is not null), f => f.Location.Account ?? account!, f => f.Hints.Accounts, "account");

        var placed = new List<PlacedFile>(files.Count);
        foreach (var byAccount in files.GroupBy(f => f.Location.Account ?? account ?? inferredAccount!))
        {
            var regional = byAccount.Where(f => !f.Operation.Global).ToList();
            foreach (var file in byAccount.Where(f => f.Operation.Global))
            {
                placed.Add(new PlacedFile(file, byAccount.Key, Regions.Global));
            }

            var stated = regional.Where(f => (f.Location.Region ?? region) is not null).ToList();
            foreach (var file in stated)
            {
                var where = file.Location.Region ?? region!;
                if (where == Regions.Global)
                {
                    throw new ImportException(file.Path, $"{file.Operation.CliCommand} answers for one region, but the file is in a {Regions.Global}/ folder; move it to a <region>/ folder");
                }

                placed.Add(new PlacedFile(file, byAccount.Key, where));
            }

            WarnIfContradicted(stated, f => f.Location.Region ?? region!, f => f.Hints.Regions, "region");
            placed.AddRange(InferRegions(byAccount.Key, regional.Where(f => (f.Location.Region ?? region) is null).ToList()));
        }

        return placed;
    }

    private string InferAccount(IReadOnlyList<ScannedFile> files)
    {
        var callers = files.Select(f => f.Hints.CallerAccount).OfType<string>().Distinct().ToList();
        if (callers.Count == 1)
        {
            notices.Add(new ImportNotice(ImportNoticeKind.Inferred, root, $"account {callers[0]}, from the sts get-caller-identity answer; pass --account to state it"));
            return callers[0];
        }

        var tally = new Tally();
        foreach (var file in files)
        {
            tally.AddAll(file.Hints.Accounts);
        }

        var winner = callers.Count > 1 ? null : tally.Winner();
        if (winner is null)
        {
            var seen = callers.Count > 1 ? $"get-caller-identity answers name {string.Join(" and ", callers)}" : tally.IsEmpty ? "the data names none" : $"the data names {tally.Describe()} equally";
            throw new ImportException(root, $"cannot tell which AWS account these files are from ({seen}): pass --account <12-digit id>, or put them under accounts/<id>/");
        }

        var others = tally.Values.Where(v => v != winner).ToList();
        notices.Add(new ImportNotice(ImportNoticeKind.Inferred, root,
            $"account {winner}, read from the data: {tally.Evidence(winner)}"
            + (others.Count == 0 ? "" : $"; other accounts named less often (shared or peer resources): {string.Join(", ", others)}")
            + "; pass --account to state it"));
        return winner;
    }

    private IEnumerable<PlacedFile> InferRegions(string accountId, IReadOnlyList<ScannedFile> files)
    {
        var own = new List<(ScannedFile File, string? Region)>();
        foreach (var file in files)
        {
            var winner = file.Hints.Regions.Winner();
            if (winner is null && !file.Hints.Regions.IsEmpty)
            {
                throw new ImportException(file.Path, $"the data names regions {file.Hints.Regions.Describe()} equally; put the file in a <region>/ folder or pass --region");
            }

            own.Add((file, winner));
        }

        var seen = own.Select(o => o.Region).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var (file, winner) in own.Where(o => o.Region is null))
        {
            if (seen.Count != 1)
            {
                throw new ImportException(file.Path, "cannot tell which region this answer is from: "
                    + (seen.Count == 0 ? "no file of this account names one" : $"it names none, and the other files of account {accountId} are from {string.Join(", ", seen)}")
                    + "; put it in a <region>/ folder (e.g. us-east-1/) or pass --region");
            }
        }

        foreach (var byRegion in own.GroupBy(o => o.Region ?? seen[0]))
        {
            var evidence = new Tally();
            foreach (var (file, _) in byRegion)
            {
                evidence.AddAll(file.Hints.Regions);
            }

            var silent = byRegion.Count(o => o.Region is null);
            notices.Add(new ImportNotice(ImportNoticeKind.Inferred, root,
                $"region {byRegion.Key} for {Files(byRegion.Count())} of account {accountId}, read from the data: {evidence.Evidence(byRegion.Key)}"
                + (silent == 0 ? "" : $"; {silent} of them name no region and take the only one the others name")
                + "; pass --region or use <region>/ folders to state it"));
            foreach (var (file, _) in byRegion)
            {
                yield return new PlacedFile(file, accountId, byRegion.Key);
            }
        }
    }

    /// <summary>A stated account or region that the data never names, while it names another, is probably a mistake.</summary>
    private void WarnIfContradicted(IEnumerable<ScannedFile> files, Func<ScannedFile, string> stated, Func<ScannedFile, Tally> hints, string what)
    {
        foreach (var group in files.GroupBy(stated))
        {
            var tally = new Tally();
            foreach (var file in group)
            {
                tally.AddAll(hints(file));
            }

            if (!tally.IsEmpty && tally.Count(group.Key) == 0 && group.Key != Regions.Global)
            {
                notices.Add(new ImportNotice(ImportNoticeKind.Warning, group.First().Path,
                    $"these files are stored as {what} {group.Key}, but their data names only {tally.Describe()}; check the folder or --{what}"));
            }
        }
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
