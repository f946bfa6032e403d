using System.Text.Json;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Normalization;
using Argus.Aws.Operations;
using Argus.Aws.Permissions;
using Argus.Aws.Tests.Client;
using Argus.Core.Model;
using Argus.Storage;
using Argus.Storage.Import;
using Argus.Tests;

namespace Argus.Aws.Tests.Collection;

public sealed class AwsCollectorTests
{
    private const string Trail = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main";
    private const string CustomerKey = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string AwsManagedKey = "0987dcba-09fe-87dc-65ba-ab0987654321";

    private static readonly AwsCollectionOptions Fast = new() { CallsPerSecond = 1000, Concurrency = 8 };

    [Fact]
    public async Task A_small_account_is_collected_with_its_gaps_and_normalizes_into_assets()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        var collector = await Connect(server, Fast);

        Assert.Equal(FakeAwsAccount.AccountId, collector.Account);
        Assert.Equal(["ap-east-1", "eu-central-1", "eu-west-1"], collector.RegionNames);

        var folder = TestPaths.NewTempFolder();
        using var store = StoreFactory.Open(Path.Combine(folder, "argus.db"));
        var result = new SnapshotImporter(store, [new AwsNormalizer()]).Import(collector);
        var id = result.Snapshot.Id;

        var documents = store.ReadDocuments(id).Select(d => d.ToString()).ToHashSet();
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/global/sts/GetCallerIdentity", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/ec2/DescribeSecurityGroups", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/elbv2/DescribeListeners[arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/elbv2/DescribeTags", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/global/iam/ListAccessKeys[alice]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/global/iam/ListAccessKeys[bob]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/global/s3/GetBucketPolicy[logs-111122223333]", documents);
        Assert.DoesNotContain($"aws/{FakeAwsAccount.AccountId}/global/s3/GetBucketPolicy[site-111122223333]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/ec2/GetEbsEncryptionByDefault", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/cloudwatch/DescribeAlarms", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/logs/DescribeMetricFilters", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-central-1/logs/DescribeLogGroups", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/config/DescribeConfigurationRecorders", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/config/DescribeConfigurationRecorderStatus", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/config/DescribeDeliveryChannels", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-central-1/cloudtrail/DescribeTrails", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/cloudtrail/GetTrailStatus[{Trail}]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/cloudtrail/GetEventSelectors[{Trail}]", documents);
        Assert.DoesNotContain(documents, d => d.Contains("eu-central-1/cloudtrail/Get", StringComparison.Ordinal));
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/sns/ListTopics", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/sns/ListSubscriptions", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-central-1/rds/DescribeDBInstances", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/efs/DescribeFileSystems", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/accessanalyzer/ListAnalyzers", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/securityhub/DescribeHub", documents);

        // Security Hub not enabled in eu-central-1 is "not configured": no document and no gap (asserted below).
        Assert.DoesNotContain($"aws/{FakeAwsAccount.AccountId}/eu-central-1/securityhub/DescribeHub", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/kms/ListKeys", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/kms/DescribeKey[{CustomerKey}]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/kms/DescribeKey[{AwsManagedKey}]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/kms/GetKeyPolicy[{CustomerKey}]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/kms/GetKeyPolicy[{AwsManagedKey}]", documents);
        Assert.Contains($"aws/{FakeAwsAccount.AccountId}/eu-west-1/kms/GetKeyRotationStatus[{CustomerKey}]", documents);
        Assert.DoesNotContain($"aws/{FakeAwsAccount.AccountId}/eu-west-1/kms/GetKeyRotationStatus[{AwsManagedKey}]", documents);
        Assert.DoesNotContain(documents, d => d.Contains("/organizations/", StringComparison.Ordinal) || d.Contains("ap-east-1", StringComparison.Ordinal));
        Assert.DoesNotContain(documents, d => d.Contains("/eu-west-1/ec2/DescribeSubnets", StringComparison.Ordinal));

        // Subnets denied and ap-east-1 not enabled are gaps; "nothing configured" answers are not.
        var gaps = result.Snapshot.Gaps.OrderBy(g => g.Region, StringComparer.Ordinal).ToList();
        Assert.Equal(2, gaps.Count);
        Assert.Equal(("ap-east-1", GapReason.RegionDisabled), (gaps[0].Region, gaps[0].Reason));
        Assert.Equal(("eu-west-1", GapReason.AccessDenied, "ec2:DescribeSubnets"), (gaps[1].Region, gaps[1].Reason, gaps[1].Permission));
        Assert.All(gaps, g => Assert.DoesNotContain(ClientHarness.SecretKey, g.Message, StringComparison.Ordinal));
        Assert.Equal(SnapshotStatus.Complete, result.Snapshot.Status);
        Assert.Empty(result.NormalizerWarnings);

        var assets = store.QueryAssets(id).ToList();
        Assert.Equal(["vpc-0a1", "vpc-0c1"], assets.Where(a => a.Type == AwsAssetTypes.Vpc).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Single(assets, a => a.Type == AwsAssetTypes.SecurityGroup && a.Region == "eu-west-1");
        Assert.Single(assets, a => a.Type == AwsAssetTypes.LoadBalancer && a.Tags.GetValueOrDefault("team") == "web");
        Assert.Single(assets, a => a.Type == AwsAssetTypes.Listener);
        Assert.Equal(2, assets.Count(a => a.Type == AwsAssetTypes.IamUser));
        var buckets = assets.Where(a => a.Type == AwsAssetTypes.Bucket).ToDictionary(a => a.Name);
        Assert.True(JsonDocument.Parse(buckets["logs-111122223333"].Properties).RootElement.TryGetProperty("Policy", out _));
        Assert.False(JsonDocument.Parse(buckets["site-111122223333"].Properties).RootElement.TryGetProperty("Policy", out _));
    }

    [Fact]
    public async Task Buckets_are_read_in_their_own_region_and_a_disabled_region_is_skipped()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        var collector = await Connect(server, Fast);

        var documents = collector.ReadDocuments().ToList();

        Assert.Contains(account.Calls, c => c == ("s3", "eu-west-1", "policy/logs-111122223333"));
        Assert.Contains(account.Calls, c => c == ("s3", "us-east-1", "policy/site-111122223333"));
        Assert.Single(account.Calls, c => c.Region == "ap-east-1");
        Assert.DoesNotContain(account.Calls, c => c.Region == "me-south-1");

        // The multi-region trail is listed in both regions but read once, in its home region.
        Assert.Single(account.Calls, c => c.Operation == "GetTrailStatus");
        Assert.Single(account.Calls, c => c == ("cloudtrail", "eu-west-1", "GetEventSelectors"));
        Assert.Single(account.Calls, c => c == ("kms", "eu-west-1", "GetKeyRotationStatus"));

        // Each protocol's answer arrives in the CLI's shape.
        JsonElement Answer(string service, string operation, string? resource = null) =>
            JsonDocument.Parse(documents.Single(d => d.Region == "eu-west-1" && d.Service == service && d.Operation == operation && d.Resource == resource).Json).RootElement;
        Assert.Equal("orders", Answer("rds", "DescribeDBInstances").GetProperty("DBInstances")[0].GetProperty("DBInstanceIdentifier").GetString());
        Assert.False(Answer("efs", "DescribeFileSystems").GetProperty("FileSystems")[0].GetProperty("Encrypted").GetBoolean());
        Assert.Equal("ACCOUNT", Answer("accessanalyzer", "ListAnalyzers").GetProperty("analyzers")[0].GetProperty("type").GetString());
        Assert.StartsWith("arn:aws:securityhub:", Answer("securityhub", "DescribeHub").GetProperty("HubArn").GetString(), StringComparison.Ordinal);
        Assert.Equal("email", Answer("sns", "ListSubscriptions").GetProperty("Subscriptions")[0].GetProperty("Protocol").GetString());
        Assert.Equal("RootLogin", Answer("cloudwatch", "DescribeAlarms").GetProperty("MetricAlarms")[0].GetProperty("MetricName").GetString());
        Assert.True(Answer("ec2", "GetEbsEncryptionByDefault").GetProperty("EbsEncryptionByDefault").GetBoolean());
        Assert.True(Answer("cloudtrail", "GetTrailStatus", Trail).GetProperty("IsLogging").GetBoolean());
        Assert.Equal("CUSTOMER", Answer("kms", "DescribeKey", CustomerKey).GetProperty("KeyMetadata").GetProperty("KeyManager").GetString());
        Assert.True(Answer("kms", "GetKeyRotationStatus", CustomerKey).GetProperty("KeyRotationEnabled").GetBoolean());
        Assert.Equal("2012-10-17", JsonDocument.Parse(Answer("kms", "GetKeyPolicy", AwsManagedKey).GetProperty("Policy").GetString()!).RootElement.GetProperty("Version").GetString());
        Assert.True(Answer("config", "DescribeConfigurationRecorderStatus").GetProperty("ConfigurationRecordersStatus")[0].GetProperty("recording").GetBoolean());
        Assert.False(Answer("kms", "ListKeys").TryGetProperty("Truncated", out _));

        // The throttled call was retried and its answer kept.
        Assert.Equal(2, account.Calls.Count(c => c == ("ec2", "eu-west-1", "DescribeSecurityGroups")));
        Assert.Single(documents, d => d.Operation == "DescribeSecurityGroups" && d.Region == "eu-west-1");
    }

    [Fact]
    public async Task Chosen_regions_are_the_only_ones_visited()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        var collector = await Connect(server, Fast with { Regions = ["eu-central-1"] });

        var documents = collector.ReadDocuments().ToList();

        Assert.Equal(["eu-central-1"], collector.RegionNames);
        Assert.Single(documents, d => d.Service == "cloudtrail" && d.Operation == "GetTrailStatus" && d.Region == "eu-central-1" && d.Resource == Trail);
        Assert.All(account.Calls.Where(c => c.Service is "ec2" or "elasticloadbalancing"), c => Assert.Equal("eu-central-1", c.Region));
        Assert.Equal(["eu-central-1", Regions.Global], documents.Select(d => d.Region).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(collector.Gaps);
    }

    [Fact]
    public async Task Cancelling_keeps_what_was_collected_and_marks_the_snapshot_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(r =>
        {
            // Cancel once the first regional answers are in; later calls are never made.
            if (account.Calls.Count >= 10)
            {
                cancel.Cancel();
            }

            return account.Handle(r);
        });
        var progress = new List<CollectionProgress>();
        var collector = await Connect(server, Fast with { Concurrency = 1 }, new SyncProgress(progress), cancel.Token);

        var folder = TestPaths.NewTempFolder();
        using var store = StoreFactory.Open(Path.Combine(folder, "argus.db"));
        var result = new SnapshotImporter(store, [new AwsNormalizer()]).Import(collector);

        Assert.Equal(SnapshotStatus.Cancelled, result.Snapshot.Status);
        // One call in flight per region's gate when the tenth answer cancels: at most one more call per region.
        var gates = account.Calls.Select(c => c.Region).Distinct().Count();
        Assert.InRange(account.Calls.Count, 10, 10 + gates);
        Assert.InRange(result.Snapshot.Counts.Documents, 1, account.Calls.Count);
        // Regions go on independently, so the opt-in region may have answered before the cancel; cancelling adds no gap.
        Assert.All(result.Snapshot.Gaps, g => Assert.Equal(GapReason.RegionDisabled, g.Reason));
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.True(p.CallsDone <= p.CallsKnown));
    }

    [Fact]
    public void Calls_that_lead_to_more_are_walk_roots_never_the_generic_pass()
    {
        Assert.All(AwsCollector.Leading, o => Assert.Contains(o, AwsCollector.Walked));
    }

    [Fact]
    public void Account_regions_start_their_operations_at_different_places_and_always_the_same_one()
    {
        var operations = AwsOperations.All.Where(o => !o.Global && !o.PerResource).ToList();
        var orders = new[] { "us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2" }
            .Select(r => AwsCollector.Staggered(operations, "111122223333", r)).ToList();

        Assert.All(orders, o => Assert.True(o.Count == operations.Count && operations.ToHashSet().SetEquals(o)));
        Assert.True(orders.Select(o => o[0]).Distinct().Count() > 1);
        Assert.Equal(orders[1], AwsCollector.Staggered(operations, "111122223333", "eu-west-1"));
        Assert.Empty(AwsCollector.Staggered([], "111122223333", "eu-west-1"));
    }

    [Fact]
    public void Every_per_resource_operation_is_walked_from_its_parent()
    {
        Assert.All(AwsOperations.All.Where(o => o.PerResource), o => Assert.Contains(o, AwsCollector.Walked));
    }

    [Theory]
    [InlineData("CUSTOMER", "SYMMETRIC_DEFAULT", "AWS_KMS", "Enabled", true)]
    [InlineData("CUSTOMER", "SYMMETRIC_DEFAULT", "AWS_KMS", "Disabled", true)]
    [InlineData("AWS", "SYMMETRIC_DEFAULT", "AWS_KMS", "Enabled", false)]
    [InlineData("CUSTOMER", "RSA_2048", "AWS_KMS", "Enabled", false)]
    [InlineData("CUSTOMER", "SYMMETRIC_DEFAULT", "EXTERNAL", "Enabled", false)]
    [InlineData("CUSTOMER", "SYMMETRIC_DEFAULT", "AWS_KMS", "PendingDeletion", false)]
    public void Key_rotation_is_read_only_where_AWS_answers_it(string manager, string spec, string origin, string state, bool read)
    {
        var metadata = JsonDocument.Parse(JsonSerializer.Serialize(new { KeyManager = manager, KeySpec = spec, Origin = origin, KeyState = state })).RootElement;
        Assert.Equal(read, AwsCollector.Rotatable(metadata));
    }

    [Fact]
    public void Security_hub_not_enabled_is_nothing_to_read_but_the_same_code_elsewhere_is_a_failure()
    {
        Assert.True(AwsCollector.NothingToRead(AwsOperations.DescribeHub, "InvalidAccessException"));
        Assert.False(AwsCollector.NothingToRead(AwsOperations.ListKeys, "InvalidAccessException"));
        Assert.False(AwsCollector.NothingToRead(AwsOperations.DescribeHub, "AccessDeniedException"));
        Assert.True(AwsCollector.NothingToRead(AwsOperations.GetCredentialReport, "ReportNotPresent"));
    }

    [Theory]
    [InlineData("cloudtrail", "DescribeTrails", "cloudtrail:DescribeTrails")]
    [InlineData("cloudtrail", "GetTrailStatus", "cloudtrail:GetTrailStatus")]
    [InlineData("cloudtrail", "GetEventSelectors", "cloudtrail:GetEventSelectors")]
    [InlineData("kms", "ListKeys", "kms:ListKeys")]
    [InlineData("kms", "DescribeKey", "kms:DescribeKey")]
    [InlineData("kms", "GetKeyRotationStatus", "kms:GetKeyRotationStatus")]
    [InlineData("kms", "GetKeyPolicy", "kms:GetKeyPolicy")]
    [InlineData("config", "DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders")]
    [InlineData("config", "DescribeConfigurationRecorderStatus", "config:DescribeConfigurationRecorderStatus")]
    [InlineData("config", "DescribeDeliveryChannels", "config:DescribeDeliveryChannels")]
    [InlineData("logs", "DescribeLogGroups", "logs:DescribeLogGroups")]
    [InlineData("logs", "DescribeMetricFilters", "logs:DescribeMetricFilters")]
    [InlineData("cloudwatch", "DescribeAlarms", "cloudwatch:DescribeAlarms")]
    [InlineData("ec2", "GetEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault")]
    [InlineData("sns", "ListTopics", "sns:ListTopics")]
    [InlineData("sns", "ListSubscriptions", "sns:ListSubscriptions")]
    [InlineData("rds", "DescribeDBInstances", "rds:DescribeDBInstances")]
    [InlineData("efs", "DescribeFileSystems", "elasticfilesystem:DescribeFileSystems")]
    [InlineData("securityhub", "DescribeHub", "securityhub:DescribeHub")]
    [InlineData("accessanalyzer", "ListAnalyzers", "access-analyzer:ListAnalyzers")]
    public void Posture_operations_are_authorized_by_their_catalog_actions(string service, string operation, string action)
    {
        using var http = new HttpClient();
        var client = new AwsApiClient(http, AwsPermissionCatalog.Instance);

        Assert.Equal(action, client.ActionFor(service, operation));
        Assert.NotNull(AwsPermissionCatalog.Instance.Find(Provider.Aws, action));
    }

    [Theory]
    [InlineData(null, "us-east-1")]
    [InlineData("", "us-east-1")]
    [InlineData("EU", "eu-west-1")]
    [InlineData("ap-south-1", "ap-south-1")]
    public void Bucket_location_names_the_region(string? constraint, string region)
    {
        var answer = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string?> { ["LocationConstraint"] = constraint })).RootElement;
        Assert.Equal(region, AwsCollector.BucketRegion(answer));
    }

    private static Task<AwsCollector> Connect(LocalAwsServer server, AwsCollectionOptions options, IProgress<CollectionProgress>? progress = null, CancellationToken ct = default) =>
        AwsCollector.ConnectAsync(
            new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries),
            new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey),
            options with { Endpoint = server.Endpoint },
            progress,
            ct);

    /// <summary>Records progress on the reporting thread, unlike <see cref="Progress{T}"/>, so a test sees every report.</summary>
    private sealed class SyncProgress(List<CollectionProgress> reports) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
