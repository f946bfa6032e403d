using System.Formats.Tar;
using System.Text.Json.Nodes;
using System.Text;
using Argus.Core.Import;
using Argus.Storage.Bundles;
using Argus.Tests;

namespace Argus.Storage.Tests.Bundles;

public sealed class BundleIntegrityTests : IDisposable
{
    private const string Vpcs = "aws/111111111111/eu-west-1/ec2/DescribeVpcs.json";
    private readonly string temp = TestPaths.NewTempFolder();
    private readonly string folder;

    public BundleIntegrityTests() => folder = BundleSamples.WriteFolder(temp);

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void A_tampered_document_in_a_folder_fails_its_hash_naming_the_file()
    {
        var path = Path.Combine(folder, Vpcs);
        File.WriteAllText(path, File.ReadAllText(path).Replace("vpc-1", "vpc-2", StringComparison.Ordinal));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void A_tampered_document_in_an_archive_fails_its_hash_naming_the_entry()
    {
        var archive = Path.Combine(temp, "tampered.tar.gz");
        var entries = BundleSamples.EntriesOf(folder);
        var index = entries.FindIndex(e => e.Name == Vpcs);
        var original = File.ReadAllText(Path.Combine(folder, Vpcs));
        entries[index] = BundleSamples.File(Vpcs, original.Replace("vpc-1", "vpc-X", StringComparison.Ordinal));
        BundleSamples.WriteArchive(archive, entries);

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive).ReadDocuments().ToList());

        Assert.Equal($"{archive}!/{Vpcs}", e.Path);
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void A_document_of_another_size_is_refused()
    {
        var path = Path.Combine(folder, Vpcs);
        File.AppendAllText(path, " ");

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("manifest says", e.Message);
    }

    [Fact]
    public void A_document_missing_from_a_folder_is_an_error()
    {
        var path = Path.Combine(folder, Vpcs);
        File.Delete(path);

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void A_document_missing_from_an_archive_is_an_error()
    {
        var archive = Path.Combine(temp, "short.tar.gz");
        BundleSamples.WriteArchive(archive, BundleSamples.EntriesOf(folder).Where(e => e.Name != Vpcs));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive).ReadDocuments().ToList());

        Assert.Contains(Vpcs, e.Message);
        Assert.Contains("not in the archive", e.Message);
    }

    [Fact]
    public void Files_the_manifest_does_not_list_are_reported_and_skipped()
    {
        var extra = Path.Combine(folder, "aws", "notes.txt");
        File.WriteAllText(extra, "left by someone");
        var archive = Path.Combine(temp, "extra.tar.gz");
        BundleSamples.WriteArchive(archive, BundleSamples.EntriesOf(folder));

        var fromFolder = BundleSource.Open(folder);
        var fromArchive = BundleSource.Open(archive);

        Assert.Equal(BundleSamples.Documents().Count, fromFolder.ReadDocuments().Count());
        Assert.Equal(BundleSamples.Documents().Count, fromArchive.ReadDocuments().Count());
        Assert.Equal(new ImportNotice(ImportNoticeKind.Skipped, extra, "not listed in the bundle's manifest"), Assert.Single(fromFolder.Notices));
        Assert.Equal($"{archive}!/aws/notes.txt", Assert.Single(fromArchive.Notices).Path);
    }

    [Fact]
    public void A_malformed_manifest_names_its_line_and_column()
    {
        var manifest = Path.Combine(folder, "manifest.json");
        var lines = File.ReadAllLines(manifest).ToList();
        lines[3] = lines[3].Replace(",", "", StringComparison.Ordinal);
        File.WriteAllLines(manifest, lines);

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder));

        Assert.Equal(manifest, e.Path);
        Assert.Equal(5, e.Line);
        Assert.NotNull(e.Column);
        Assert.Contains("malformed JSON", e.Message);
    }

    [Fact]
    public void A_manifest_field_of_the_wrong_type_names_its_position()
    {
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"status\": \"cancelled\"", "\"status\": \"finished\"", StringComparison.Ordinal));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder));

        Assert.Equal(manifest, e.Path);
        Assert.NotNull(e.Line);
    }

    [Theory]
    [InlineData("sha256", "sha256 is not 64 lower-case hex digits")]
    [InlineData("account", "'account'")]
    [InlineData("id", "at $.snapshot.id")]
    public void A_manifest_with_a_bad_field_names_it(string field, string expected)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        var document = json["documents"]![0]!.AsObject();
        switch (field)
        {
            case "sha256": document["sha256"] = "ZZ"; break;
            case "account": document.Remove("account"); break;
            default: json["snapshot"]!["id"] = null; break;
        }

        File.WriteAllText(manifest, json.ToJsonString());

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder));

        Assert.Equal(manifest, e.Path);
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void A_manifest_of_a_later_version_is_a_clear_error()
    {
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder));

        Assert.Contains("version 7", e.Message);
        Assert.Contains("upgrade Argus", e.Message);
    }

    [Fact]
    public void A_json_file_that_is_not_a_manifest_says_so()
    {
        File.WriteAllText(Path.Combine(folder, "manifest.json"), """{"Vpcs": []}""");

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder));

        Assert.Contains("not an Argus bundle manifest", e.Message);
    }

    [Theory]
    [InlineData("../outside.json", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("aws/../../x.json", "'..'")]
    public void A_manifest_path_leading_outside_the_bundle_is_refused(string path, string expected)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"path\": \"{Vpcs}\"", $"\"path\": \"{path}\"", StringComparison.Ordinal));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder));

        Assert.Contains(expected, e.Message);
        Assert.Contains("documents[", e.Message);
    }

    [Fact]
    public void A_symbolic_link_in_a_bundle_folder_is_refused()
    {
        var path = Path.Combine(folder, Vpcs);
        var outside = Path.Combine(temp, "outside.json");
        File.Move(path, outside);
        File.CreateSymbolicLink(path, outside);

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(folder).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("symbolic link", e.Message);
    }

    [Fact]
    public void An_archive_whose_first_file_is_not_the_manifest_is_refused()
    {
        var archive = Path.Combine(temp, "reordered.tar.gz");
        var entries = BundleSamples.EntriesOf(folder);
        BundleSamples.WriteArchive(archive, entries.Skip(1).Append(entries[0]));

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(archive));

        Assert.Contains("starts with its manifest", e.Message);
    }

    [Fact]
    public void Archives_packed_by_tar_with_dot_slash_names_and_folders_are_read()
    {
        var archive = Path.Combine(temp, "repacked.tgz");
        var entries = BundleSamples.EntriesOf(folder).Select(e => (TarEntry)BundleSamples.File("./" + e.Name, Read(e))).ToList();
        entries.Insert(0, new PaxTarEntry(TarEntryType.Directory, "./"));
        entries.Insert(2, new PaxTarEntry(TarEntryType.Directory, "./aws/"));
        BundleSamples.WriteArchive(archive, entries);

        Assert.Equal(BundleSamples.Documents().Count, BundleSource.Open(archive).ReadDocuments().Count());
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_a_clear_error()
    {
        var path = Path.Combine(temp, "x.tar.gz");
        File.WriteAllText(path, "plain text, not an archive");

        var e = Assert.Throws<ImportException>(() => BundleSource.Open(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("not a readable .tar.gz", e.Message);
    }

    private static byte[] Read(TarEntry entry)
    {
        var buffer = new MemoryStream();
        entry.DataStream!.Position = 0;
        entry.DataStream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
