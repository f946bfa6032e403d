using System.Text;
using Argus.Core.Inventory;
using Argus.Core.Model;
using Argus.Storage.Schema;
using Argus.Storage.Sql;
using Argus.Storage.Tests.Support;
using static Argus.Storage.Tests.Support.TestData;

namespace Argus.Storage.Tests;

/// <summary>
/// What every store must do, run against each backend by a subclass. Each test gets a fresh, empty store at
/// <see cref="Location"/>; <see cref="Store"/> is opened on first use and <see cref="Reopen"/> opens it again,
/// as another process would.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private readonly List<IArgusStore> opened = [];
    private IArgusStore? store;

    /// <summary>What <see cref="StoreFactory.Open"/> is given for this test's store.</summary>
    protected abstract string Location { get; }

    protected IArgusStore Store => store ??= Reopen();

    public virtual void Dispose()
    {
        foreach (var s in opened)
        {
            s.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private Finding Single(string check, string resource) =>
        Assert.Single(Store.QueryFindings(new FindingQuery(CheckId: check, ResourceId: resource)));

    protected IArgusStore Reopen()
    {
        var s = StoreFactory.Open(Location);
        opened.Add(s);
        return s;
    }

    [StoreFact]
    public void A_snapshot_is_invisible_until_committed_and_complete_after()
    {
        var gap = new CoverageGap(Provider.Aws, Account, Region, "iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails", GapReason.AccessDenied, "denied");
        using var writer = Store.BeginSnapshot("snap-a", At(0), "test:source", "the label");
        writer.AddDocument(Document("DescribeVpcs", "{\"Vpcs\":[]}"));
        writer.AddGap(gap);
        writer.AddAssets([Asset("vpc-1")]);
        writer.AddRelations([new Relation("vpc-1", "acct", RelationKinds.In)]);

        Assert.Empty(Store.ListSnapshots());
        Assert.Null(Store.FindSnapshot("snap-a"));
        Assert.Null(Store.FindSnapshot("latest"));
        Assert.Empty(Store.QueryAssets("snap-a"));
        Assert.Empty(Store.ReadDocuments("snap-a"));
        Assert.Empty(Store.ReadRelations("snap-a"));
        Assert.Empty(Reopen().ListSnapshots());

        var committed = writer.Commit(At(1), SnapshotStatus.Cancelled, [Scope(), Scope(OtherAccount, Regions.Global)]);

        foreach (var snapshot in new[] { committed, Assert.Single(Store.ListSnapshots()), Reopen().FindSnapshot("snap-a")! })
        {
            Assert.Equal("snap-a", snapshot.Id);
            Assert.Equal(At(0), snapshot.StartedAt);
            Assert.Equal(At(1), snapshot.FinishedAt);
            Assert.Equal(SnapshotStatus.Cancelled, snapshot.Status);
            Assert.Equal("test:source", snapshot.Source);
            Assert.Equal("the label", snapshot.Label);
            Assert.Equal([Scope(), Scope(OtherAccount, Regions.Global)], snapshot.Scopes);
            Assert.Equal([gap], snapshot.Gaps);
            Assert.Equal(new SnapshotCounts(1, 1, 1), snapshot.Counts);
        }

        Assert.Single(Store.QueryAssets("snap-a"));
        Assert.Single(Store.ReadRelations("snap-a"));
    }

    [StoreFact]
    public void Disposing_without_commit_rolls_back_and_keeps_earlier_snapshots()
    {
        Commit(Store, "snap-a", At(0), [Asset("vpc-a")]);
        using (var writer = Store.BeginSnapshot("snap-b", At(1), "test", null))
        {
            writer.AddDocument(Document("DescribeVpcs", "{}"));
            writer.AddAssets([Asset("vpc-b")]);
            writer.AddRelations([new Relation("vpc-b", "x", RelationKinds.In)]);
            writer.AddGap(new CoverageGap(Provider.Aws, Account, Region, "ec2", "DescribeVpcs", "ec2:DescribeVpcs", GapReason.Throttled, "slow"));
            Assert.Single(writer.DocumentGroups());
        }

        Assert.Equal("snap-a", Assert.Single(Store.ListSnapshots()).Id);
        Assert.Empty(Store.QueryAssets("snap-b"));
        Assert.Equal("vpc-a", Assert.Single(Store.QueryAssets("snap-a")).Id);

        // The id is free again, and nothing of the rolled-back attempt comes back with it.
        var again = Commit(Store, "snap-b", At(2), [Asset("vpc-c")]);
        Assert.Empty(again.Gaps);
        Assert.Equal("vpc-c", Assert.Single(Store.QueryAssets("snap-b")).Id);
        Assert.Empty(Store.ReadRelations("snap-b"));
        Assert.Empty(Store.FindSnapshot("snap-b")!.Gaps);
    }

    [StoreFact]
    public void Documents_come_back_byte_for_byte_inside_the_transaction_and_after()
    {
        var random = new Random(7);
        var noise = new byte[5000];
        random.NextBytes(noise);
        var large = new StringBuilder("{\n    \"Reservations\": [\n");
        for (var i = 0; i < 20000; i++)
        {
            large.Append($"        {{ \"InstanceId\": \"i-{i:x8}\", \"State\": {{ \"Name\": \"running\" }} }},\n");
        }

        large.Append("        {}\n    ]\n}\n");
        var documents = new[]
        {
            Document("DescribeInstances", large.ToString()),
            Document("DescribeVpcs", "{\r\n  \"Vpcs\": [ { \"Tags\": [ { \"Key\": \"Name\", \"Value\": \"Zürich – 東京 🚀\" } ] } ]\r\n}"),
            new RawDocument(Provider.Aws, Account, Region, "ec2", "DescribeSubnets", null, (byte[])[0xEF, 0xBB, 0xBF, .. "{\"Subnets\":[]}"u8]),
            new RawDocument(Provider.Aws, Account, Region, "ec2", "DescribeNoise", null, noise),
            new RawDocument(Provider.Aws, Account, Region, "ec2", "DescribeEmpty", null, Array.Empty<byte>()),
            Document("GetBucketPolicy", "{\"Policy\":\"a\"}", region: Regions.Global, resource: "bucket-b", service: "s3"),
            Document("GetBucketPolicy", "{\"Policy\":\"b\"}", region: Regions.Global, resource: "bucket-a", service: "s3"),
            Document("DescribeVpcs", "{\"Vpcs\":[]}", account: OtherAccount),
        };

        var inside = new List<RawDocument>();
        using (var writer = Store.BeginSnapshot("snap-docs", At(0), "test", null))
        {
            foreach (var d in documents)
            {
                writer.AddDocument(d);
            }

            Assert.Equal(
                [new DocumentGroupKey(Provider.Aws, Account, Region), new DocumentGroupKey(Provider.Aws, Account, Regions.Global), new DocumentGroupKey(Provider.Aws, OtherAccount, Region)],
                writer.DocumentGroups());
            foreach (var key in writer.DocumentGroups())
            {
                var group = writer.ReadGroup(key);
                Assert.All(group, d => Assert.Equal(key, d.Group));
                inside.AddRange(group);
            }

            writer.Commit(At(1), SnapshotStatus.Complete, [Scope()]);
        }

        var expected = documents.OrderBy(d => d.Account, StringComparer.Ordinal).ThenBy(d => d.Region, StringComparer.Ordinal)
            .ThenBy(d => d.Service, StringComparer.Ordinal).ThenBy(d => d.Operation, StringComparer.Ordinal).ThenBy(d => d.Resource, StringComparer.Ordinal).ToList();
        var after = Store.ReadDocuments("snap-docs").ToList();
        foreach (var actual in new[] { inside, after })
        {
            Assert.Equal(expected.Select(d => d.ToString()), actual.Select(d => d.ToString()));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].Json.Span.SequenceEqual(actual[i].Json.Span), $"bytes of {expected[i]} differ");
                Assert.Equal(expected[i].Resource, actual[i].Resource);
            }
        }

        Assert.Equal(8, Store.FindSnapshot("snap-docs")!.Counts.Documents);
        Assert.Equal(2, Store.ReadDocuments("snap-docs", new DocumentQuery(Service: "s3")).Count());
        Assert.Single(Store.ReadDocuments("snap-docs", new DocumentQuery(Account: OtherAccount)));
        Assert.Equal(2, Store.ReadDocuments("snap-docs", new DocumentQuery(Region: Regions.Global, Operation: "GetBucketPolicy")).Count());
        Assert.Equal(2, Store.ReadDocuments("snap-docs", new DocumentQuery(Provider: Provider.Aws, Operation: "DescribeVpcs")).Count());
        Assert.Empty(Store.ReadDocuments("snap-docs", new DocumentQuery(Provider: Provider.Azure)));
        Assert.Empty(Store.ReadDocuments("snap-other"));
    }

    [StoreFact]
    public void Assets_stream_in_ordinal_id_order_with_every_field_intact()
    {
        string[] ids = ["b", "B", "a-1", "a_1", "a.1", "A", "é", "z", "Z9", "arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-10", "arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-9", "~", "a", "ab", "a b"];
        var assets = ids.Select((id, i) => Asset(id, tags: new Dictionary<string, string> { ["Name"] = id, ["k" + i] = "ü \"quoted\"" }, properties: $"{{\"n\":{i},\"s\":\"é\\u0000\"}}")).ToList();
        using (var writer = Store.BeginSnapshot("snap-order", At(0), "test", null))
        {
            writer.AddAssets(assets.Skip(7).ToList());
            writer.AddAssets(assets.Take(7).Reverse().ToList());
            writer.Commit(At(1), SnapshotStatus.Complete, []);
        }

        var stored = Store.QueryAssets("snap-order").ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), stored.Select(a => a.Id));
        foreach (var actual in stored)
        {
            Same(assets.Single(a => a.Id == actual.Id), actual);
        }
    }

    [StoreFact]
    public void Two_asset_streams_can_be_read_side_by_side_for_a_diff()
    {
        Commit(Store, "snap-1", At(0), [Asset("a"), Asset("b"), Asset("c", properties: "{\"x\":1}")]);
        Commit(Store, "snap-2", At(1), [Asset("b"), Asset("c", properties: "{\"x\":2}"), Asset("d")]);

        var changes = InventoryDiff.Compare(Store.QueryAssets("snap-1"), Store.QueryAssets("snap-2")).ToList();

        Assert.Equal(
            [(AssetChangeKind.Disappeared, "a"), (AssetChangeKind.Changed, "c"), (AssetChangeKind.Appeared, "d")],
            changes.Select(c => (c.Kind, (c.After ?? c.Before)!.Id)));
    }

    [StoreFact]
    public void Asset_queries_filter_by_type_account_region_tags_and_id()
    {
        var env = (string value) => new Dictionary<string, string> { ["env"] = value, ["aws:cloudformation:stack-name"] = "net" };
        Commit(Store, "snap-q", At(0),
        [
            Asset("i-1", "aws.ec2.instance", tags: env("prod")),
            Asset("i-2", "aws.ec2.instance", OtherAccount, tags: new Dictionary<string, string> { ["env"] = "prod", ["team"] = "a" }),
            Asset("vpc-1", "aws.ec2.vpc", region: "us-east-1", tags: env("dev")),
            Asset("x-1", "aws.ec2x.thing"),
            Asset("o-1", "awsXec2.odd"),
            Asset("u-1", "aws_ec2.odd"),
            Asset("role-1", "aws.iam.role", region: Regions.Global),
        ]);

        string[] Ids(AssetQuery q) => Store.QueryAssets("snap-q", q).Select(a => a.Id).ToArray();

        Assert.Equal(["i-1", "i-2"], Ids(new AssetQuery(Type: "aws.ec2.instance")));
        Assert.Equal(["i-1", "i-2", "vpc-1"], Ids(new AssetQuery(Type: "aws.ec2.*")));
        Assert.Equal(["u-1"], Ids(new AssetQuery(Type: "aws_*")));
        Assert.Equal(7, Ids(new AssetQuery(Type: "*")).Length);
        Assert.Empty(Ids(new AssetQuery(Type: "aws.ec2")));
        Assert.Equal(["i-2"], Ids(new AssetQuery(Account: OtherAccount)));
        Assert.Equal(["role-1"], Ids(new AssetQuery(Region: Regions.Global)));
        Assert.Equal(["i-1", "i-2", "vpc-1"], Ids(new AssetQuery(Tags: ["env"])));
        Assert.Equal(["i-1", "i-2"], Ids(new AssetQuery(Tags: ["env=prod"])));
        Assert.Equal(["i-2"], Ids(new AssetQuery(Tags: ["env=prod", "team=a"])));
        Assert.Empty(Ids(new AssetQuery(Tags: ["env=prod", "team=b"])));
        Assert.Equal(["i-1", "vpc-1"], Ids(new AssetQuery(Tags: ["aws:cloudformation:stack-name=net"])));
        Assert.Equal(["vpc-1"], Ids(new AssetQuery(Type: "aws.ec2.*", Region: "us-east-1", Tags: ["env=dev"])));
        Assert.Equal(["x-1"], Ids(new AssetQuery(Id: "x-1")));
        Assert.Empty(Ids(new AssetQuery(Id: "X-1")));
        Assert.Empty(Store.QueryAssets("snap-missing"));
    }

    [StoreFact]
    public void Snapshots_are_found_by_id_unique_prefix_or_latest_and_listed_newest_first()
    {
        Commit(Store, "snap-20261101T080000Z-aaaaaa", At(0));
        Commit(Store, "snap-20261101T090000Z-bbbbbb", At(1));
        Commit(Store, "snap-20261102T080000Z-cccccc", At(24));
        using var open = Store.BeginSnapshot("snap-20261103T080000Z-dddddd", At(48), "test", null);

        Assert.Equal("snap-20261101T090000Z-bbbbbb", Store.FindSnapshot("snap-20261101T090000Z-bbbbbb")?.Id);
        Assert.Equal("snap-20261102T080000Z-cccccc", Store.FindSnapshot("snap-20261102")?.Id);
        Assert.Equal("snap-20261102T080000Z-cccccc", Store.FindSnapshot("latest")?.Id);
        Assert.Null(Store.FindSnapshot("snap-20261103"));
        Assert.Null(Store.FindSnapshot("nothing-like-it"));
        var ambiguous = Assert.Throws<ArgumentException>(() => Store.FindSnapshot("snap-20261101"));
        Assert.Contains("snap-20261101T080000Z-aaaaaa", ambiguous.Message);
        Assert.Contains("snap-20261101T090000Z-bbbbbb", ambiguous.Message);
        Assert.Equal(["snap-20261102T080000Z-cccccc", "snap-20261101T090000Z-bbbbbb", "snap-20261101T080000Z-aaaaaa"], Store.ListSnapshots().Select(s => s.Id));
    }

    [StoreFact]
    public void A_snapshot_id_cannot_be_stored_twice()
    {
        Commit(Store, "snap-a", At(0));

        var e = Assert.Throws<StoreException>(() => Store.BeginSnapshot("snap-a", At(1), "test", null));

        Assert.Contains("snap-a already exists", e.Message);
        Assert.Single(Store.ListSnapshots());
    }

    [StoreFact]
    public void Duplicate_assets_or_documents_in_one_snapshot_are_store_errors_and_nothing_is_kept()
    {
        var assets = Assert.Throws<StoreException>(() =>
        {
            using var writer = Store.BeginSnapshot("snap-dup", At(0), "test", null);
            writer.AddAssets([Asset("vpc-1"), Asset("vpc-1")]);
            writer.Commit(At(1), SnapshotStatus.Complete, []);
        });
        var documents = Assert.Throws<StoreException>(() =>
        {
            using var writer = Store.BeginSnapshot("snap-dup", At(0), "test", null);
            writer.AddDocument(Document("DescribeVpcs", "{}"));
            writer.AddDocument(Document("DescribeVpcs", "{}"));
            writer.DocumentGroups();
        });

        Assert.Contains(Store.Description, assets.Message);
        Assert.Contains("vpc-1", assets.Message);
        Assert.Contains("DescribeVpcs", documents.Message);
        Assert.Empty(Store.ListSnapshots());
    }

    [StoreFact]
    public void Relations_are_stored_once_each_in_key_order()
    {
        Relation[] first = [new("vpc-2", "acct", RelationKinds.In), new("subnet-1", "vpc-2", RelationKinds.In), new("pcx-1", "vpc-2", RelationKinds.Connects)];
        Relation[] second = [new("pcx-1", "vpc-2", RelationKinds.Connects), new("pcx-1", "vpc-1", RelationKinds.Connects)];

        var snapshot = Commit(Store, "snap-r", At(0), [], [.. first, .. second]);

        var expected = first.Concat(second).Distinct().OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal);
        Assert.Equal(expected, Store.ReadRelations("snap-r"));
        Assert.Equal(4, snapshot.Counts.Relations);
        Assert.Equal(4, Store.FindSnapshot("snap-r")!.Counts.Relations);
    }

    [StoreFact]
    public void Findings_are_new_then_still_open_then_resolved_then_reopened()
    {
        Commit(Store, "snap-1", At(0));
        string[] checks = ["c1"];
        Scope[] scopes = [Scope()];

        Assert.Equal(new FindingsUpdate(2, 0, 0, 0), Store.RecordFindings("snap-1", At(1), checks, scopes, [Result("c1", "r1"), Result("c1", "r2")]));
        Assert.Equal(new FindingsUpdate(0, 1, 1, 0), Store.RecordFindings("snap-1", At(2), checks, scopes, [Result("c1", "r1")]));
        var r2 = Single("c1", "r2");
        Assert.Equal((At(1), At(1), At(2)), (r2.FirstSeen, r2.LastSeen, r2.ResolvedAt));
        var r1 = Single("c1", "r1");
        Assert.Equal((At(1), At(2), (DateTimeOffset?)null), (r1.FirstSeen, r1.LastSeen, r1.ResolvedAt));

        Assert.Equal(new FindingsUpdate(0, 0, 1, 1), Store.RecordFindings("snap-1", At(3), checks, scopes, [Result("c1", "r2")]));
        r2 = Single("c1", "r2");
        Assert.Equal((At(1), At(3), (DateTimeOffset?)null), (r2.FirstSeen, r2.LastSeen, r2.ResolvedAt));
        Assert.Equal(At(3), Single("c1", "r1").ResolvedAt);

        var all = Store.QueryFindings().ToList();
        Assert.Equal(["r1", "r2"], all.Select(f => f.Result.ResourceId));
        Assert.Equal(Result("c1", "r2") with { Frameworks = null! }, all[1].Result with { Frameworks = null! });
        Assert.Equal([new FrameworkReference("cis-aws-3.0", "5.2")], all[1].Result.Frameworks);
        Assert.Equal("snap-1", all[1].LastSnapshotId);
        Assert.Equal(["r2"], Store.QueryFindings(new FindingQuery(OpenOnly: true)).Select(f => f.Result.ResourceId));
    }

    [StoreFact]
    public void A_pass_resolves_an_open_finding_and_a_pass_alone_is_kept_resolved()
    {
        Commit(Store, "snap-1", At(0));
        string[] checks = ["c1"];
        Scope[] scopes = [Scope()];
        Store.RecordFindings("snap-1", At(1), checks, scopes, [Result("c1", "r1")]);

        Assert.Equal(new FindingsUpdate(0, 0, 1, 0), Store.RecordFindings("snap-1", At(2), checks, scopes, [Result("c1", "r1", FindingStatus.Pass), Result("c1", "r2", FindingStatus.Pass)]));
        var r1 = Single("c1", "r1");
        Assert.Equal((FindingStatus.Pass, At(1), At(2), (DateTimeOffset?)At(2)), (r1.Result.Status, r1.FirstSeen, r1.LastSeen, r1.ResolvedAt));
        var r2 = Single("c1", "r2");
        Assert.Equal((FindingStatus.Pass, At(2), At(2), (DateTimeOffset?)At(2)), (r2.Result.Status, r2.FirstSeen, r2.LastSeen, r2.ResolvedAt));
        Assert.Empty(Store.QueryFindings(new FindingQuery(OpenOnly: true)));
        Assert.Equal(2, Store.QueryFindings(new FindingQuery(Status: FindingStatus.Pass)).Count());

        // A pass again changes nothing; the first failure of what only ever passed is new, one of what failed before reopens.
        Assert.Equal(new FindingsUpdate(0, 0, 0, 0), Store.RecordFindings("snap-1", At(3), checks, scopes, [Result("c1", "r1", FindingStatus.Pass), Result("c1", "r2", FindingStatus.Pass)]));
        Assert.Equal(At(2), Single("c1", "r1").ResolvedAt);
        Assert.Equal(new FindingsUpdate(1, 0, 0, 1), Store.RecordFindings("snap-1", At(4), checks, scopes, [Result("c1", "r1", FindingStatus.Error), Result("c1", "r2", FindingStatus.NotAuthorized)]));
        r1 = Single("c1", "r1");
        r2 = Single("c1", "r2");
        Assert.Equal((FindingStatus.Error, At(1), (DateTimeOffset?)null), (r1.Result.Status, r1.FirstSeen, r1.ResolvedAt));
        Assert.Equal((FindingStatus.NotAuthorized, At(4), (DateTimeOffset?)null), (r2.Result.Status, r2.FirstSeen, r2.ResolvedAt));
    }

    [StoreFact]
    public void Only_checks_that_ran_within_the_scanned_scopes_resolve_findings()
    {
        Commit(Store, "snap-1", At(0));
        Store.RecordFindings("snap-1", At(1), ["c1", "c2"], [Scope(), Scope(OtherAccount)],
        [
            Result("c1", "here"), Result("c1", "global", region: Regions.Global), Result("c1", "other-account", account: OtherAccount), Result("c2", "here"),
        ]);

        var update = Store.RecordFindings("snap-1", At(2), ["c1"], [Scope()], []);

        Assert.Equal(new FindingsUpdate(0, 0, 1, 0), update);
        Assert.Equal(["c1/global", "c1/other-account", "c2/here"], Store.QueryFindings(new FindingQuery(OpenOnly: true)).Select(f => $"{f.Result.CheckId}/{f.Result.ResourceId}"));

        // A scope without a region covers every region of its account.
        Assert.Equal(new FindingsUpdate(0, 0, 1, 0), Store.RecordFindings("snap-1", At(3), ["c1"], [Scope(region: "*")], []));
        Assert.Equal(["c1/other-account", "c2/here"], Store.QueryFindings(new FindingQuery(OpenOnly: true)).Select(f => $"{f.Result.CheckId}/{f.Result.ResourceId}"));
        Assert.Equal(["c1/other-account"], Store.QueryFindings(new FindingQuery(Account: OtherAccount)).Select(f => $"{f.Result.CheckId}/{f.Result.ResourceId}"));
        Assert.Equal(["c2/here"], Store.QueryFindings(new FindingQuery(CheckId: "c2")).Select(f => $"{f.Result.CheckId}/{f.Result.ResourceId}"));
        Assert.Equal(2, Store.QueryFindings(new FindingQuery(ResourceId: "here")).Count());
    }

    [StoreFact]
    public void Recording_findings_checks_its_input()
    {
        Commit(Store, "snap-1", At(0));

        Assert.Throws<ArgumentException>(() => Store.RecordFindings("snap-1", At(1), ["c1"], [Scope()], [Result("c1", "r1"), Result("c1", "r1", FindingStatus.Pass)]));
        Assert.Throws<ArgumentException>(() => Store.RecordFindings("snap-none", At(1), ["c1"], [Scope()], [Result("c1", "r1")]));
        Assert.Empty(Store.QueryFindings());
    }

    [StoreFact]
    public void Deleting_a_snapshot_removes_its_data_and_keeps_finding_history()
    {
        using (var writer = Store.BeginSnapshot("snap-del", At(0), "test", null))
        {
            writer.AddDocument(Document("DescribeVpcs", "{}"));
            writer.AddGap(new CoverageGap(Provider.Aws, Account, Region, "ec2", "DescribeFlowLogs", "ec2:DescribeFlowLogs", GapReason.AccessDenied, "denied"));
            writer.AddAssets([Asset("vpc-1")]);
            writer.AddRelations([new Relation("vpc-1", "acct", RelationKinds.In)]);
            writer.Commit(At(1), SnapshotStatus.Complete, [Scope()]);
        }

        Commit(Store, "snap-keep", At(2), [Asset("vpc-2")]);
        Store.RecordFindings("snap-del", At(1), ["c1"], [Scope()], [Result("c1", "vpc-1")]);

        Assert.True(Store.DeleteSnapshot("snap-del"));
        Assert.False(Store.DeleteSnapshot("snap-del"));

        Assert.Equal("snap-keep", Assert.Single(Store.ListSnapshots()).Id);
        Assert.Single(Store.QueryAssets("snap-keep"));
        var finding = Assert.Single(Store.QueryFindings());
        Assert.Equal(("vpc-1", "snap-del"), (finding.Result.ResourceId, finding.LastSnapshotId));

        // Storing the id again shows that no document, gap, asset or relation of the deleted snapshot was left behind.
        using (var writer = Store.BeginSnapshot("snap-del", At(3), "test", null))
        {
            Assert.Empty(writer.DocumentGroups());
            writer.Commit(At(4), SnapshotStatus.Complete, []);
        }

        Assert.Empty(Store.ReadDocuments("snap-del"));
        Assert.Empty(Store.QueryAssets("snap-del"));
        Assert.Empty(Store.ReadRelations("snap-del"));
        Assert.Empty(Store.FindSnapshot("snap-del")!.Gaps);
    }

    [StoreFact]
    public void Migrations_run_once_and_reopening_keeps_the_data()
    {
        Commit(Store, "snap-a", At(0), [Asset("vpc-1")]);

        using (var again = Reopen())
        using (var third = Reopen())
        {
            Assert.Equal("snap-a", Assert.Single(third.ListSnapshots()).Id);
            Assert.Single(again.QueryAssets("snap-a"));
        }

        var sql = (SqlArgusStore)Reopen();
        using var connection = sql.OpenConnection();
        Assert.Equal(Migrations.All.Count, connection.Count(null, "SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(Migrations.Latest, Migrator.CurrentVersion(sql, connection, null));
    }

    [StoreFact]
    public void A_store_with_a_newer_schema_is_refused()
    {
        var sql = (SqlArgusStore)Store;
        using (var connection = sql.OpenConnection())
        {
            connection.Execute(null, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, 'from the future', @at)", ("@v", Migrations.Latest + 1), ("@at", sql.Time(At(0))));
        }

        var e = Assert.Throws<StoreException>(Reopen);

        Assert.Contains("newer", e.Message);
        Assert.Contains(Store.Description, e.Message);
    }
}
