using System.Formats.Tar;
using Argus.Core.Import;
using Argus.Storage.Bundles;
using Argus.Tests;

namespace Argus.Storage.Tests.Bundles;

/// <summary>Hostile archives: each is refused with a clear error before anything outside the bundle is touched.</summary>
public sealed class BundleArchiveSafetyTests : IDisposable
{
    private readonly string temp = TestPaths.NewTempFolder();
    private readonly string folder;

    public BundleArchiveSafetyTests() => folder = BundleSamples.WriteFolder(temp);

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Theory]
    [InlineData("../evil.json", "'..'")]
    [InlineData("aws/../../evil.json", "'..'")]
    [InlineData("/etc/cron.d/evil", "absolute")]
    [InlineData("C:/Windows/evil.json", "absolute")]
    [InlineData("aws\\..\\evil.json", "backslash")]
    public void Entries_with_paths_leading_outside_are_refused(string name, string reason)
    {
        var archive = Archive(BundleSamples.File(name, "{}"));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive).ReadDocuments().ToList());

        Assert.Equal(archive, e.Path);
        Assert.Contains(name, e.Message);
        Assert.Contains(reason, e.Message);
        Assert.False(File.Exists(Path.Combine(temp, "evil.json")));
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink, "symbolic link")]
    [InlineData(TarEntryType.HardLink, "hard link")]
    [InlineData(TarEntryType.CharacterDevice, "character device")]
    [InlineData(TarEntryType.BlockDevice, "block device")]
    [InlineData(TarEntryType.Fifo, "FIFO")]
    public void Links_and_devices_are_refused(TarEntryType type, string described)
    {
        var entry = new PaxTarEntry(type, "aws/111111111111/eu-west-1/ec2/Link.json");
        if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            entry.LinkName = "/etc/passwd";
        }

        var archive = Archive(entry);

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive).ReadDocuments().ToList());

        Assert.Contains(described, e.Message);
        Assert.Contains("refused", e.Message);
    }

    [Fact]
    public void A_symbolic_link_in_place_of_the_manifest_is_refused()
    {
        var archive = Path.Combine(temp, "link.tar.gz");
        BundleSamples.WriteArchive(archive, [new PaxTarEntry(TarEntryType.SymbolicLink, "manifest.json") { LinkName = "/etc/passwd" }]);

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive));

        Assert.Contains("symbolic link", e.Message);
    }

    [Fact]
    public void An_entry_over_the_size_limit_is_refused_before_it_is_read()
    {
        var archive = Archive(BundleSamples.File("aws/big.json", new byte[50_000]));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive, new BundleLimits(20_000, long.MaxValue)).ReadDocuments().ToList());

        Assert.Equal($"{archive}!/aws/big.json", e.Path);
        Assert.Contains("20,000-byte limit", e.Message);
    }

    [Fact]
    public void A_manifest_over_the_size_limit_is_refused()
    {
        var archive = Archive();

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive, new BundleLimits(100, long.MaxValue)));

        Assert.Equal($"{archive}!/manifest.json", e.Path);
        Assert.Contains("limit", e.Message);
    }

    [Fact]
    public void An_archive_decompressing_past_the_total_limit_is_refused()
    {
        // Zeros compress about a thousandfold: the archive is small, what it unpacks to is not.
        var archive = Archive(BundleSamples.File("aws/zeros.json", new byte[2_000_000]));
        Assert.True(new FileInfo(archive).Length < 100_000);

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive, new BundleLimits(10_000_000, 1_000_000)).ReadDocuments().ToList());

        Assert.Equal(archive, e.Path);
        Assert.Contains("decompresses to more than", e.Message);
    }

    [Fact]
    public void The_same_entry_twice_is_refused()
    {
        var entries = BundleSamples.EntriesOf(folder);
        var archive = Path.Combine(temp, "twice.tar.gz");
        BundleSamples.WriteArchive(archive, entries.Append(BundleSamples.File(entries[1].Name, File.ReadAllBytes(Path.Combine(folder, entries[1].Name)))));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive).ReadDocuments().ToList());

        Assert.Contains("twice", e.Message);
    }

    /// <summary>The valid bundle's entries followed by <paramref name="extra"/>.</summary>
    private string Archive(params TarEntry[] extra)
    {
        var archive = Path.Combine(temp, $"hostile-{Guid.NewGuid():N}.tar.gz");
        BundleSamples.WriteArchive(archive, BundleSamples.EntriesOf(folder).Concat(extra));
        return archive;
    }
}
