using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Aws.Collection;

/// <summary>
/// Collects an AWS Organization: the management (or delegated admin) account with its own credentials, then each
/// ACTIVE member account through the same role assumed from it. A member whose role cannot be assumed is a
/// coverage gap (sts:AssumeRole), and collection goes on with the next. Accounts are collected one after the
/// other, each with the collector's own parallelism.
/// </summary>
public sealed class AwsOrganizationSource : ISnapshotSource
{
    private readonly AwsApiClient client;
    private readonly AwsCollector management;
    private readonly AWSCredentials managementCredentials;
    private readonly IReadOnlyList<string> members;
    private readonly AwsCollectionOptions options;
    private readonly AwsOrganizationOptions organization;
    private readonly IProgress<CollectionProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly List<AwsCollector> collected = [];
    private readonly List<CoverageGap> memberGaps = [];
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private DateTimeOffset? finishedAt;

    private AwsOrganizationSource(AwsApiClient client, AwsCollector management, AWSCredentials managementCredentials, IReadOnlyList<string> members,
        AwsCollectionOptions options, AwsOrganizationOptions organization, IProgress<CollectionProgress>? progress, CancellationToken cancellation)
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

    /// <summary>The member accounts to collect after the management account, as selected.</summary>
    public IReadOnlyList<string> Members => members;

    /// <inheritdoc/>
    public string Description => $"aws-org:{management.Account} ({members.Count + 1} accounts)";

    /// <inheritdoc/>
    public SnapshotHeader Header
    {
        get
        {
            var headers = collected.Select(c => c.Header).ToList();
            var cancelled = cancellation.IsCancellationRequested || headers.Any(h => h.Status == SnapshotStatus.Cancelled);
            return new SnapshotHeader(null, startedAt, finishedAt, cancelled ? SnapshotStatus.Cancelled : SnapshotStatus.Complete, options.Label,
                [.. headers.SelectMany(h => h.Scopes ?? [])]);
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
        var management = await AwsCollector.ConnectAsync(client, credentials, options, progress, cancellation).ConfigureAwait(false);
        using var accounts = await client.CallAllPagesAsync("organizations", "ListAccounts", null,
            new AwsCallContext(credentials, options.HomeRegion, options.Endpoint), cancellation).ConfigureAwait(false);
        var members = accounts.RootElement.GetProperty("Accounts").EnumerateArray()
            .Where(a => AwsCollector.Text(a, "Status") is null or "ACTIVE" && AwsCollector.Text(a, "State") is null or "ACTIVE")
            .Select(a => AwsCollector.Text(a, "Id"))
            .OfType<string>()
            .Where(id => id != management.Account && organization.Selects(id))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new AwsOrganizationSource(client, management, credentials, members, options, organization, progress, cancellation);
    }

    /// <inheritdoc/>
    public IEnumerable<RawDocument> ReadDocuments()
    {
        try
        {
            collected.Add(management);
            foreach (var document in management.ReadDocuments())
            {
                yield return document;
            }

            foreach (var member in members)
            {
                if (cancellation.IsCancellationRequested)
                {
                    break;
                }

                if (Connect(member) is not { } collector)
                {
                    continue;
                }

                collected.Add(collector);
                foreach (var document in collector.ReadDocuments())
                {
                    yield return document;
                }
            }
        }
        finally
        {
            finishedAt = DateTimeOffset.UtcNow;
        }
    }

    private AwsCollector? Connect(string member)
    {
        var partition = management.Partition;
        var role = new AssumedRoleCredentials(client, new AwsCallContext(managementCredentials, options.HomeRegion, options.Endpoint),
            $"arn:{partition}:iam::{member}:role/{organization.RoleName}", organization.ExternalId);
        try
        {
            return AwsCollector.ConnectAsync(client, role, options, progress, cancellation).GetAwaiter().GetResult();
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
            memberGaps.Add(new CoverageGap(Provider.Aws, member, Regions.Global, service, operation, e.Action, reason,
                $"account {member} not collected: {e.Message}"));
            return null;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return null;
        }
    }
}
