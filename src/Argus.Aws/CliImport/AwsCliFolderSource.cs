using Argus.Core.Json;
using System.Text.Json;
using Argus.Aws.Redaction;
using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Aws.CliImport;

/// <summary>
/// Imports a folder of plain <c>aws ... --output json</c> files, laid out as
/// <c>aws_configs/[accounts/&lt;id&gt;/][&lt;region&gt;/]*.json</c> (the <c>aws_configs</c> level is optional).
/// Files are recognised by their top-level keys whatever they are called; per-resource answers sit in a
/// <c>&lt;Parameter&gt;=&lt;value&gt;</c> folder (<c>Bucket=my-logs/policy.json</c>). Missing accounts and regions
/// are read from the data and reported as <see cref="ImportNoticeKind.Inferred"/>. docs/raw-documents.md has
/// the details.
/// </summary>
public sealed class AwsCliFolderSource : ISnapshotSource
{
    /// <summary>The largest file read: a document must fit one array.</summary>
    public static readonly long DefaultMaxFileBytes = Array.MaxLength;

    private readonly string folder;
    private readonly string? account;
    private readonly string? region;
    private readonly List<ImportNotice> notices = [];

    /// <param name="folder">The folder holding <c>aws_configs/</c>, or <c>aws_configs</c> itself, or any folder of answers.</param>
    /// <param name="account">The 12-digit account of files outside an <c>accounts/&lt;id&gt;/</c> folder, if known.</param>
    /// <param name="region">The region of regional answers outside a region folder, if known.</param>
    public AwsCliFolderSource(string folder, string? account, string? region)
    {
        this.folder = Path.GetFullPath(folder);
        if (!Directory.Exists(this.folder))
        {
            throw new ImportException(this.folder, "no such folder");
        }

        if (account is not null && !AwsNames.IsAccountId(account))
        {
            throw new ImportException(this.folder, $"--account '{account}' is not a 12-digit AWS account id");
        }

        if (region is not null && !AwsNames.IsRegionName(region))
        {
            throw new ImportException(this.folder, $"--region '{region}' is not an AWS region name such as us-east-1");
        }

        this.account = account;
        this.region = region;
    }

    /// <summary>Files larger than this are refused; tests lower it.</summary>
    internal long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    public string Description => "aws-cli:" + folder;

    /// <summary>Nothing beyond the documents: the importer assigns the id and times.</summary>
    public SnapshotHeader Header { get; } = new();

    /// <summary>AWS CLI output records no failed calls, so there are none.</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; } = [];

    public IReadOnlyList<ImportNotice> Notices => notices;

    /// <summary>
    /// Reads every file twice: once to recognise it and settle its account and region (so a bad file stops the
    /// import before any document is handed out), once to hand out its JSON. Only one answer is held at a time.
    /// </summary>
    public IEnumerable<RawDocument> ReadDocuments()
    {
        notices.Clear();
        var root = CliFolderLayout.Root(folder);
        var scanned = CliFolderScanner.Scan(root, MaxFileBytes, notices);
        var placed = new ScopeResolver(root, account, region, notices).Resolve(scanned);
        var documents = placed
            .GroupBy(p => (p.Account, p.Region, p.File.Operation.Service, p.File.Operation.Operation, p.File.Resource))
            .OrderBy(g => g.Key.Account, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Service, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Operation, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Resource, StringComparer.Ordinal)
            .Select(g => (g.Key.Account, g.Key.Region, Pages: g.Select(p => p.File).OrderBy(f => f.Path, StringComparer.Ordinal).ToList()))
            .ToList();
        foreach (var document in documents)
        {
            CheckPages(document.Pages);
        }

        foreach (var (accountId, regionName, pages) in documents)
        {
            var operation = pages[0].Operation;
            var (json, removed) = SecretRedactor.Redact(operation, Read(pages));
            if (removed > 0)
            {
                notices.Add(new ImportNotice(ImportNoticeKind.Warning, pages[0].Path,
                    $"removed {removed} secret value{(removed == 1 ? "" : "s")} (VPN pre-shared keys, customer gateway configuration): Argus never stores credentials"));
            }

            yield return new RawDocument(Provider.Aws, accountId, regionName, operation.Service, operation.Operation, pages[0].Resource, json);
        }
    }

    private void CheckPages(IReadOnlyList<ScannedFile> pages)
    {
        var operation = pages[0].Operation;
        if (pages.Count > 1 && operation.ItemKey is null)
        {
            throw new ImportException(pages[1].Path,
                $"answers {operation.CliCommand} for the same account and region{(pages[0].Resource is null ? "" : " and " + operation.ResourceParameter)} as {pages[0].Path}, "
                + "and that answer is not a list that could be split into pages; keep one of the two");
        }

        if (pages.All(p => p.HasMorePages))
        {
            notices.Add(new ImportNotice(ImportNoticeKind.Warning, pages[^1].Path,
                $"the answer says more pages follow (NextToken/IsTruncated), and no file holds them: {operation.ItemKey ?? "the answer"} may be incomplete; run {operation.CliCommand} without --max-items"));
        }
    }

    private byte[] Read(IReadOnlyList<ScannedFile> pages)
    {
        var documents = new List<JsonDocument>(pages.Count);
        try
        {
            foreach (var page in pages)
            {
                var bytes = CliJsonFile.ReadUtf8(page.Path, MaxFileBytes) ?? throw new ImportException(page.Path, "the file was emptied while it was being imported");
                documents.Add(CliJsonFile.Parse(page.Path, bytes));
            }

            return documents.Count == 1
                ? JsonText.CompactUtf8(documents[0].RootElement)
                : PageMerger.Merge(documents.Select(d => d.RootElement).ToList(), pages[0].Operation.ItemKey!);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }
}
