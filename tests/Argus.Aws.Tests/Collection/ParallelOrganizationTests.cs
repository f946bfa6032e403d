using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Permissions;
using Argus.Aws.Tests.Client;
using Argus.Core.Model;

namespace Argus.Aws.Tests.Collection;

/// <summary>Member accounts are collected concurrently within the bound, progress adds them up, and cancelling keeps what was collected.</summary>
public sealed partial class ParallelOrganizationTests
{
    private static readonly string[] Members = ["200000000001", "200000000002", "200000000003", "200000000004", "200000000005"];

    [Fact]
    public async Task Members_run_concurrently_but_never_more_than_the_bound()
    {
        var organization = new FakeOrganization();
        using var server = new LocalAwsServer(organization.Handle, concurrent: true);
        var progress = new ConcurrentQueue<CollectionProgress>();

        var source = await Connect(server, maxParallel: 2, new Recorder(progress), CancellationToken.None);
        var documents = source.ReadDocuments().ToList();

        // Every member's calls overlapped with another's (the first member waits for a second one to start) ...
        Assert.True(organization.SawOverlap, "no two member accounts were collected at the same time");

        // ... but never more than two accounts at once.
        Assert.InRange(organization.MaxConcurrentAccounts, 2, 2);
        Assert.Equal([FakeAwsAccount.AccountId, .. Members], documents.Select(d => d.Account).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(SnapshotStatus.Complete, source.Header.Status);
        Assert.Equal(12, source.Header.Scopes!.Count);

        var last = progress.MaxBy(p => (p.AccountsDone, p.CallsDone))!;
        Assert.Equal((6, 6), (last.AccountsDone, last.AccountsTotal));
        Assert.Equal((6, 6), (last.RegionsDone, last.RegionsTotal));
        Assert.True(last.CallsDone >= 6 * 40, $"only {last.CallsDone} calls counted");
        Assert.All(progress, p => Assert.True(p.AccountsDone <= p.AccountsTotal));
    }

    [Fact]
    public async Task Cancelling_stops_every_account_and_keeps_a_snapshot_marked_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var organization = new FakeOrganization { OnMemberCall = n => { if (n == 30) { cancel.Cancel(); } } };
        using var server = new LocalAwsServer(organization.Handle, concurrent: true);

        var source = await Connect(server, maxParallel: 3, null, cancel.Token);
        var documents = source.ReadDocuments().ToList();

        Assert.Equal(SnapshotStatus.Cancelled, source.Header.Status);
        Assert.NotEmpty(documents);
        // Collecting all five members takes about 225 calls; calls already sent (three accounts, 16 each) and queued at
        // the server when Ctrl-C came are still answered, nothing new is started.
        Assert.True(organization.MemberCalls < 160, $"{organization.MemberCalls} member calls: collection went on after Ctrl-C");
        Assert.True(organization.MembersTouched < Members.Length, "every member account was started despite Ctrl-C");
        Assert.NotNull(source.Header.FinishedAt);
    }

    private static Task<AwsOrganizationSource> Connect(LocalAwsServer server, int maxParallel, IProgress<CollectionProgress>? progress, CancellationToken ct) =>
        AwsOrganizationSource.ConnectAsync(
            new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries),
            new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey),
            new AwsCollectionOptions { Endpoint = server.Endpoint, Regions = ["eu-central-1"], CallsPerSecond = 1000 },
            new AwsOrganizationOptions(MaxParallelAccounts: maxParallel),
            progress,
            ct);

    /// <summary>Records progress on the reporting thread, so the test sees every report.</summary>
    private sealed class Recorder(ConcurrentQueue<CollectionProgress> into) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => into.Enqueue(value);
    }

    /// <summary>
    /// A management account listing five members, each a <see cref="FakeAwsAccount"/> reached through its role
    /// (credentials <c>ASIA&lt;account&gt;</c>). The first member holds its first regional call until another member
    /// has called, so concurrency is shown rather than hoped for.
    /// </summary>
    private sealed partial class FakeOrganization
    {
        private readonly FakeAwsAccount management = new();
        private readonly Dictionary<string, FakeAwsAccount> members = Members.ToDictionary(m => m, m => new FakeAwsAccount(m));
        private readonly ConcurrentDictionary<string, int> inFlight = new();
        private readonly ConcurrentDictionary<string, bool> touched = new();
        private readonly ManualResetEventSlim secondStarted = new();
        private int memberCalls;
        private int maxConcurrent;

        public bool SawOverlap { get; private set; }

        public int MaxConcurrentAccounts => Volatile.Read(ref maxConcurrent);

        public int MemberCalls => Volatile.Read(ref memberCalls);

        public int MembersTouched => touched.Count;

        public Action<int>? OnMemberCall { get; init; }

        public Answer Handle(SeenRequest r)
        {
            var key = KeyPattern().Match(r.Headers.GetValueOrDefault("authorization", "")).Groups[1].Value;
            if (key.StartsWith("ASIA", StringComparison.Ordinal) && members.TryGetValue(key[4..], out var member))
            {
                return Member(key[4..], member, r);
            }

            if (r.Form.GetValueOrDefault("Action") == "AssumeRole")
            {
                var account = r.Form["RoleArn"].Split(':')[4];
                return Answer.Xml($"""
                    <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA{account}</AccessKeyId><SecretAccessKey>s</SecretAccessKey>
                    <SessionToken>t</SessionToken><Expiration>{DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
                    """);
            }

            return r.Headers.GetValueOrDefault("x-amz-target") == "AWSOrganizationsV20161128.ListAccounts"
                ? Answer.Json($$"""{"Accounts":[{"Id":"{{FakeAwsAccount.AccountId}}","Status":"ACTIVE"},{{string.Join(",", Members.Select(m => $$"""{"Id":"{{m}}","Status":"ACTIVE"}"""))}}]}""")
                : management.Handle(r);
        }

        private Answer Member(string account, FakeAwsAccount member, SeenRequest r)
        {
            touched.TryAdd(account, true);
            OnMemberCall?.Invoke(Interlocked.Increment(ref memberCalls));
            var running = inFlight.AddOrUpdate(account, 1, (_, n) => n + 1);
            try
            {
                var accounts = inFlight.Count(a => a.Value > 0);
                InterlockedMax(ref maxConcurrent, accounts);
                if (account != Members[0])
                {
                    secondStarted.Set();
                }
                else if (running == 1 && !SawOverlap)
                {
                    // The first member waits (up to 10 s) for another to begin: only concurrent collection gets past this quickly.
                    SawOverlap = secondStarted.Wait(TimeSpan.FromSeconds(10));
                }

                return member.Handle(r);
            }
            finally
            {
                inFlight.AddOrUpdate(account, 0, (_, n) => n - 1);
                if (inFlight.TryGetValue(account, out var left) && left == 0)
                {
                    inFlight.TryRemove(KeyValuePair.Create(account, 0));
                }
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }

        [GeneratedRegex(@"Credential=([^/]+)/")]
        private static partial Regex KeyPattern();
    }
}
