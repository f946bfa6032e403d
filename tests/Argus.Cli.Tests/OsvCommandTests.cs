using System.IO.Compression;
using System.Net;
using Argus.Tests;

namespace Argus.Cli.Tests;

/// <summary>
/// 'argus osv update' and 'argus osv status' against a local stand-in for the OSV bucket serving real-format
/// all.zip files (built here from the real Go records in ../shared/fixtures/osv-go), some of them broken.
/// </summary>
public sealed class OsvCommandTests : IDisposable
{
    private const string DebianRecord = """
        {"id":"DEBIAN-CVE-2023-4911","aliases":["CVE-2023-4911"],"summary":"Looney Tunables",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"glibc"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.36-9+deb12u3"}]}]}]}
        """;

    private static readonly DateTimeOffset ExportDate = new(2026, 11, 25, 6, 30, 0, TimeSpan.Zero);

    private readonly CliRun cli = new();
    private readonly string osv;
    private readonly byte[] goZip;
    private readonly byte[] debianZip;
    private readonly List<string> requested = [];
    private readonly LoopbackHttpServer server;

    public OsvCommandTests()
    {
        osv = Path.Combine(cli.Folder, "osv");
        goZip = Zip(Directory.EnumerateFiles(TestPaths.Fixture("osv-go", "osv"), "*.json").Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
        debianZip = Zip([("DEBIAN-CVE-2023-4911.json", DebianRecord)]);
        server = new LoopbackHttpServer(Serve, concurrent: true);
    }

    public void Dispose()
    {
        server.Dispose();
        cli.Dispose();
    }

    private static byte[] Zip(IEnumerable<(string Name, string Json)> records)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, json) in records)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(json);
            }
        }

        return memory.ToArray();
    }

    private async Task Serve(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        lock (requested)
        {
            requested.Add(path);
        }

        var response = context.Response;
        switch (path)
        {
            case "/mirror/Go/all.zip":
                await Send(response, goZip);
                break;
            case "/mirror/Debian/all.zip":
                await Send(response, debianZip);
                break;
            case "/mirror/PyPI/all.zip":
                // Announces the whole zip, sends half, and drops the connection.
                response.ContentLength64 = goZip.Length;
                await response.OutputStream.WriteAsync(goZip.AsMemory(0, goZip.Length / 2));
                await response.OutputStream.FlushAsync();
                response.Abort();
                break;
            case "/mirror/crates.io/all.zip":
                // Chunked, so the end looks orderly: only the archive itself shows it is cut.
                response.SendChunked = true;
                await response.OutputStream.WriteAsync(goZip.AsMemory(0, goZip.Length - 100));
                response.Close();
                break;
            case "/mirror/Alpine/all.zip":
                await Task.Delay(TimeSpan.FromSeconds(4));
                response.Abort();
                break;
            default:
                response.StatusCode = 404;
                response.Close();
                break;
        }
    }

    private static async Task Send(HttpListenerResponse response, byte[] body)
    {
        response.ContentType = "application/zip";
        response.Headers["Last-Modified"] = ExportDate.ToString("R");
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private (int Code, string Out, string Err) Update(string ecosystems) =>
        cli.Run("osv", "update", "--ecosystems", ecosystems, "--dir", osv, "--source", new Uri(server.Endpoint, "mirror").AbsoluteUri, "--timeout", "1");

    [Fact]
    public void Good_ecosystems_land_and_bad_ones_are_reported_without_leaving_a_file()
    {
        var (code, output, error) = Update("Go,Debian,npm,PyPI,crates.io");

        Assert.Equal(ExitCodes.Degraded, code);
        Assert.Equal(goZip, File.ReadAllBytes(Path.Combine(osv, "Go.zip")));
        Assert.Equal(debianZip, File.ReadAllBytes(Path.Combine(osv, "Debian.zip")));
        Assert.Equal(["Debian.zip", "Go.zip"], Directory.GetFiles(osv).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(ExportDate.UtcDateTime, File.GetLastWriteTimeUtc(Path.Combine(osv, "Go.zip")));

        Assert.Matches(@"Go\s+306 ", output);
        Assert.Matches(@"Debian\s+1 ", output);
        Assert.Contains("307 records in 2 of 5 ecosystems updated", output);
        Assert.Contains("error: npm (", error);
        Assert.Contains("HTTP 404", error);
        Assert.Matches(@"error: PyPI \(.*\): (connection broken|connection closed|download ended) after", error);
        Assert.Matches(@"error: crates\.io \(.*\): not a usable OSV export: .*crates\.io/all\.zip: not a zip archive", error);
    }

    [Fact]
    public void A_silent_server_times_out_and_the_next_ecosystem_still_lands()
    {
        var (code, _, error) = Update("Alpine,Go");

        Assert.Equal(ExitCodes.Degraded, code);
        Assert.Contains("error: Alpine (", error);
        Assert.Contains("timed out: nothing received for 1 s", error);
        Assert.True(File.Exists(Path.Combine(osv, "Go.zip")));
        Assert.False(File.Exists(Path.Combine(osv, "Alpine.zip")));
    }

    [Fact]
    public void A_failed_download_keeps_the_earlier_copy()
    {
        Directory.CreateDirectory(osv);
        var earlier = Path.Combine(osv, "PyPI.zip");
        File.WriteAllBytes(earlier, debianZip);

        var (code, _, _) = Update("PyPI");

        Assert.Equal(ExitCodes.Degraded, code);
        Assert.Equal(debianZip, File.ReadAllBytes(earlier));
        Assert.Single(Directory.GetFiles(osv));
    }

    [Fact]
    public void The_scan_then_uses_the_folder_of_zips_and_status_describes_it()
    {
        var (code, _, error) = Update("Go,Debian");
        Assert.True(code == 0, error);
        Assert.Equal(["/mirror/Go/all.zip", "/mirror/Debian/all.zip"], requested);

        var root = Path.Combine(cli.Folder, "root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg"));
        File.WriteAllText(Path.Combine(root, "etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/status"), "Package: libc6\nStatus: install ok installed\nSource: glibc\nVersion: 2.36-9+deb12u1\n\n");

        var (scanCode, scan, scanError) = cli.Run("fs", "scan", root, "--osv", osv);
        Assert.True(scanCode == 0, scanError);
        Assert.Contains($"Database: {osv} (307 records, 10 withdrawn)", scan);
        Assert.Contains("DEBIAN-CVE-2023-4911", scan);

        var (statusCode, status, statusError) = cli.Run("osv", "status", "--dir", osv);
        Assert.True(statusCode == 0, statusError);
        Assert.Matches(@"Go\.zip\s+306 .*2026-11-25 06:30", status);
        Assert.Matches(@"Debian\.zip\s+1 ", status);
        Assert.Contains("307 records: 2 zips, oldest from 2026-11-25", status);
    }

    [Fact]
    public void Bad_arguments_are_refused_before_any_request()
    {
        Assert.Equal(ExitCodes.Usage, cli.Run("osv", "update", "--dir", osv, "--source", "ftp://example.com/").Code);
        Assert.Equal(ExitCodes.BadInput, cli.Run("osv", "status", "--dir", Path.Combine(cli.Folder, "none")).Code);
        Assert.Empty(requested);
    }
}
