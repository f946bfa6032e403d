using System.Collections.Concurrent;
using System.Threading.Channels;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Aws.Collection;

/// <summary>
/// Collects an AWS Organization: the management (or delegated admin) account with its own credentials, then each
/// ACTIVE member account through the same role assumed from it. Accounts are collected concurrently, at most
/// <see cref="AwsOrganizationOptions.MaxParallelAccounts"/> at once, each with its own per-region rate limits. A
/// member whose role cannot be assumed is a coverage gap (sts:AssumeRole), and collection goes on with the others;
/// cancelling stops every account and keeps what was collected, marked cancelled.
/// </summary>
public sealed class AwsOrganizationSource : ISnapshotSource
{
    private readonly AwsApiClient client;
    private readonly AwsCollector management;
    private readonly AWSCredentials managementCredentials;
    private readonly IReadOnlyList<string> members;
    private readonly AwsCollectionOptions options;
    private readonly AwsOrganizationOptions organization;
    private readonly OrganizationProgress progress;
    private readonly CancellationToken cancellation;
    private readonly ConcurrentQueue<AwsCollector> collected = new();
    private readonly ConcurrentQueue<CoverageGap> memberGaps = new();
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private int enumerated;
    private DateTimeOffset? finishedAt;

    private AwsOrganizationSource(AwsApiClient client, AwsCollector management, AWSCredentials managementCredentials, IReadOnlyList<string> members,
        AwsCollectionOptions options, AwsOrganizationOptions organization, OrganizationProgress progress, CancellationToken cancellation)
    {
        this.client = client;
        this.management = management;
        this.managementCredentials = managementCredentials;
        this.members = members;
        this.options = options;
        this.organization = organization;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /// <summary>The member accounts to collect besides the management account, as selected.</summary>
    public IReadOnlyList<string> Members => members;

    /// <inheritdoc/>
    public string Description => $"aws-org:{management.Account} ({members.Count + 1} accounts)";

    /// <inheritdoc/>
    /// <remarks>Status and end time are final once <see cref="ReadDocuments"/> has been enumerated.</remarks>
    public SnapshotHeader Header
    {
        get
        {
            var headers = collected.Select(c => c.Header).ToList();
            var cancelled = cancellation.IsCancellationRequested || headers.Any(h => h.Status == SnapshotStatus.Cancelled);
            return new SnapshotHeader(null, startedAt, finishedAt, cancelled ? SnapshotStatus.Cancelled : SnapshotStatus.Complete, options.Label,
                [.. headers.SelectMany(h => h.Scopes ?? []).OrderBy(s => s.Account, StringComparer.Ordinal).ThenBy(s => s.Region, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<CoverageGap> Gaps => [.. collected.SelectMany(c => c.Gaps), .. memberGaps];

    /// <inheritdoc/>
    public IReadOnlyList<ImportNotice> Notices => [];

    /// <summary>
    /// Connects to the management account and lists the organization's accounts (organizations:ListAccounts),
    /// keeping the ACTIVE members that <paramref name="organization"/> selects.
    /// </summary>
    /// <exception cref="AwsApiException">The management credentials do not work, or the accounts cannot be listed.</exception>
    public static async Task<AwsOrganizationSource> ConnectAsync(AwsApiClient client, AWSCredentials credentials, AwsCollectionOptions options,
        AwsOrganizationOptions organization, IProgress<CollectionProgress>? progress, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(organization.MaxParallelAccounts);
        var aggregate = new OrganizationProgress(progress);
        var management = await AwsCollector.ConnectAsync(client, credentials, options, aggregate, cancellation).ConfigureAwait(false);
        using var accounts = await client.CallAllPagesAsync("organizations", "ListAccounts", null,
            new AwsCallContext(credentials, options.HomeRegion, options.Endpoint), cancellation).ConfigureAwait(false);
        var members = accounts.RootElement.GetProperty("Accounts").EnumerateArray()
            .Where(a => AwsCollector.Text(a, "Status") is null or "ACTIVE" && AwsCollector.Text(a, "State") is null or "ACTIVE")
            .Select(a => AwsCollector.Text(a, "Id"))
            .OfType<string>()
            .Where(id => id != management.Account && organization.Selects(id))
            .Order(StringComparer.Ordinal)
            .ToList();
        aggregate.AccountsTotal = members.Count + 1;
        return new AwsOrganizationSource(client, management, credentials, members, options, organization, aggregate, cancellation);
    }

    /// <inheritdoc/>
    public IEnumerable<RawDocument> ReadDocuments()
    {
        if (Interlocked.Exchange(ref enumerated, 1) != 0)
        {
            throw new InvalidOperationException("a live collection can be read only once");
        }

        var documents = Channel.CreateUnbounded<RawDocument>(new UnboundedChannelOptions { SingleReader = true });
        using var readerGone = new CancellationTokenSource();
        var run = Task.Run(() => RunAsync(documents.Writer, readerGone.Token), CancellationToken.None);
        try
        {
            foreach (var document in documents.Reader.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable())
            {
                yield return document;
            }
        }
        finally
        {
            // The reader may stop early (the importer failed): stop every account too.
            readerGone.Cancel();
            run.GetAwaiter().GetResult();
            finishedAt = DateTimeOffset.UtcNow;
        }
    }

    private async Task RunAsync(ChannelWriter<RawDocument> documents, CancellationToken readerGone)
    {
        using var slots = new SemaphoreSlim(organization.MaxParallelAccounts);
        try
        {
            await Task.WhenAll(
            [
                CollectAccountAsync(_ => Task.FromResult<AwsCollector?>(management), slots, documents, readerGone),
                .. members.Select(m => CollectAccountAsync(ct => ConnectMemberAsync(m, ct), slots, documents, readerGone)),
            ]).ConfigureAwait(false);
        }
        finally
        {
            documents.Complete();
        }
    }

    private async Task CollectAccountAsync(Func<CancellationToken, Task<AwsCollector?>> connect, SemaphoreSlim slots, ChannelWriter<RawDocument> documents,
        CancellationToken readerGone)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, readerGone);
        try
        {
            await slots.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // never started: cancelled before its turn
        }

        try
        {
            if (await connect(stop.Token).ConfigureAwait(false) is not { } collector)
            {
                return;
            }

            collected.Enqueue(collector);
            await foreach (var document in collector.ReadDocumentsAsync(readerGone).ConfigureAwait(false))
            {
                documents.TryWrite(document);
            }
        }
        finally
        {
            slots.Release();
            progress.AccountDone();
        }
    }

    private async Task<AwsCollector?> ConnectMemberAsync(string member, CancellationToken ct)
    {
        var role = new AssumedRoleCredentials(client, new AwsCallContext(managementCredentials, options.HomeRegion, options.Endpoint),
            $"arn:{management.Partition}:iam::{member}:role/{organization.RoleName}", organization.ExternalId);
        try
        {
            return await AwsCollector.ConnectAsync(client, role, options, progress, ct).ConfigureAwait(false);
        }
        catch (AwsApiException e)
        {
            var (service, operation) = e.Action == "sts:AssumeRole" ? ("sts", "AssumeRole") : ("sts", "GetCallerIdentity");
            var reason = e.Kind switch
            {
                AwsErrorKind.AccessDenied => GapReason.AccessDenied,
                AwsErrorKind.Throttled => GapReason.Throttled,
                _ => GapReason.Error,
            };
            memberGaps.Enqueue(new CoverageGap(Provider.Aws, member, Regions.Global, service, operation, e.Action, reason,
                $"account {member} not collected: {e.Message}"));
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
