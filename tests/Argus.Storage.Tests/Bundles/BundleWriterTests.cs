using Argus.Core.Model;
using Argus.Storage.Bundles;
using Argus.Tests;

namespace Argus.Storage.Tests.Bundles;

public sealed class BundleWriterTests : IDisposable
{
    private readonly string temp = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Writing_into_a_non_empty_folder_is_refused_and_leaves_it_alone()
    {
        var target = Path.Combine(temp, "out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");
        var documents = BundleSamples.Documents();

        var e = Assert.Throws<IOException>(() => BundleWriter.Write(BundleSamples.Snapshot(documents), documents, target));

        Assert.Contains("not empty", e.Message);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_empty_folder_is_used()
    {
        var target = Path.Combine(temp, "out");
        Directory.CreateDirectory(target);
        var documents = BundleSamples.Documents();

        BundleWriter.Write(BundleSamples.Snapshot(documents), documents, target);

        Assert.Equal(documents.Count, BundleSource.Open(target).ReadDocuments().Count());
    }

    [Fact]
    public void An_archive_path_that_is_a_folder_is_refused()
    {
        var target = Path.Combine(temp, "out.tar.gz");
        Directory.CreateDirectory(target);

        Assert.Throws<IOException>(() => BundleWriter.Write(BundleSamples.Snapshot([]), [], target));
    }

    [Theory]
    [InlineData("out")]
    [InlineData("out.tar.gz")]
    public void A_failure_while_writing_leaves_nothing_behind(string name)
    {
        var target = Path.Combine(temp, name);

        Assert.Throws<InvalidOperationException>(() => BundleWriter.Write(BundleSamples.Snapshot([]), Failing(), target));

        Assert.Empty(Directory.GetFileSystemEntries(temp));
    }

    [Fact]
    public void An_existing_archive_is_replaced_whole()
    {
        var target = Path.Combine(temp, "out.tar.gz");
        var documents = BundleSamples.Documents();
        BundleWriter.Write(BundleSamples.Snapshot(documents), documents, target);

        BundleWriter.Write(BundleSamples.Snapshot(documents.Take(1).ToList()), documents.Take(1), target);

        Assert.Single(BundleSource.Open(target).ReadDocuments());
        Assert.Equal([target], Directory.GetFileSystemEntries(temp));
    }

    [Fact]
    public void Two_documents_with_the_same_key_are_refused()
    {
        var documents = BundleSamples.Documents();
        documents.Add(documents[0] with { Json = "{}"u8.ToArray() });

        Assert.Throws<ArgumentException>(() => BundleWriter.Write(BundleSamples.Snapshot(documents), documents, Path.Combine(temp, "out")));
        Assert.Empty(Directory.GetFileSystemEntries(temp));
    }

    private static IEnumerable<RawDocument> Failing()
    {
        foreach (var document in BundleSamples.Documents().Take(3))
        {
            yield return document;
        }

        throw new InvalidOperationException("the store went away");
    }
}
