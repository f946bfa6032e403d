using Argus.Core.Import;
using Argus.Core.Inventory;
using Argus.Core.Model;
using Argus.Storage.Import;
using Argus.Storage.Tests.Support;
using Argus.Tests;

namespace Argus.Storage.Tests;

/// <summary>The import pipeline on real AWS CLI output: store, read back per group, normalize, commit.</summary>
public abstract partial class StoreContractTests
{
    private const string FixtureAccount = "554773406868";

    private static FixtureSource Fixtures(int failAfter = -1) => new(
        FixtureAccount,
        new Dictionary<string, string>
        {
            ["us-east-2"] = TestPaths.Fixture("aws-network", "test-nat-gateway"),
            ["us-west-2"] = TestPaths.Fixture("aws-network", "test-public-private-subnet"),
        },
        failAfter);

    [StoreFact]
    public void The_importer_stores_real_cli_output_and_its_inventory_in_one_snapshot()
    {
        var source = Fixtures();

        var result = new SnapshotImporter(Store, [new VpcNormalizer()]).Import(source);

        var snapshot = Store.FindSnapshot("latest")!;
        Assert.Equal(("snap-fixtures", "fixtures"), (snapshot.Id, snapshot.Label));
        Assert.Equal(result.Snapshot.Counts, snapshot.Counts);
        Assert.Equal([new Scope(Provider.Aws, FixtureAccount, "us-east-2"), new Scope(Provider.Aws, FixtureAccount, "us-west-2")], snapshot.Scopes);
        Assert.Equal(source.Gaps, snapshot.Gaps);

        var files = source.Files().OrderBy(d => d.Region, StringComparer.Ordinal).ThenBy(d => d.Operation, StringComparer.Ordinal).ToList();
        var stored = Store.ReadDocuments(snapshot.Id).ToList();
        Assert.Equal(files.Select(f => f.ToString()), stored.Select(d => d.ToString()));
        Assert.All(files.Zip(stored), pair => Assert.True(pair.First.Json.Span.SequenceEqual(pair.Second.Json.Span)));

        var vpcs = Store.QueryAssets(snapshot.Id, new AssetQuery(Type: "aws.ec2.vpc")).ToList();
        var subnets = Store.QueryAssets(snapshot.Id, new AssetQuery(Type: "aws.ec2.subnet")).ToList();
        Assert.NotEmpty(vpcs);
        Assert.Contains(subnets, s => s.Id == "arn:aws:ec2:us-east-2:554773406868:subnet/subnet-06f469bcee42e408e" && s.Name == "Subnet 1");
        Assert.Equal(vpcs.Count + subnets.Count, snapshot.Counts.Assets);
        var relations = Store.ReadRelations(snapshot.Id).ToList();
        Assert.Equal(subnets.Select(s => s.Id), relations.Select(r => r.From));
        Assert.All(relations, r => Assert.Contains(vpcs, v => v.Id == r.To));
        Assert.Equal(relations.Count, snapshot.Counts.Relations);
    }

    [StoreFact]
    public void A_source_that_fails_midway_leaves_nothing_behind()
    {
        var importer = new SnapshotImporter(Store, [new VpcNormalizer()]);

        Assert.Throws<ImportException>(() => importer.Import(Fixtures(failAfter: 5)));

        Assert.Empty(Store.ListSnapshots());
        Assert.Empty(Store.ReadDocuments("snap-fixtures"));
        var retried = importer.Import(Fixtures());
        Assert.Equal("snap-fixtures", retried.Snapshot.Id);
    }

    [StoreFact]
    public void Cancelling_an_import_stores_nothing()
    {
        using var cancel = new CancellationTokenSource();
        var source = new EndlessSource(false, produced =>
        {
            if (produced == 500)
            {
                cancel.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => new SnapshotImporter(Store, [new VpcNormalizer()]).Import(source, null, cancel.Token));

        Assert.Empty(Store.ListSnapshots());
        Assert.Empty(Store.ReadDocuments("snap-endless"));
    }

    [StoreFact]
    public void A_normalizer_that_throws_stops_the_import_and_stores_nothing()
    {
        var importer = new SnapshotImporter(Store, [new VpcNormalizer(), new ThrowingNormalizer()]);

        var e = Assert.Throws<InvalidOperationException>(() => importer.Import(Fixtures()));

        Assert.Equal(ThrowingNormalizer.Message, e.Message);
        Assert.Empty(Store.ListSnapshots());
    }

    private sealed class ThrowingNormalizer : INormalizer
    {
        public const string Message = "normalizer bug";

        public Provider Provider => Provider.Aws;

        public void Normalize(DocumentGroup group, IInventoryOutput output) =>
            throw new InvalidOperationException(Message);
    }
}
