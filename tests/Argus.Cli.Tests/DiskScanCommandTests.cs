using System.Diagnostics;
using System.Text.Json;

namespace Argus.Cli.Tests;

/// <summary>'argus disk scan' through the real command tree, on ext4 images that Debian's mke2fs builds.</summary>
public sealed class DiskScanCommandTests : IDisposable
{
    private const string Record = """
        {"id":"DEBIAN-CVE-2023-4911","aliases":["CVE-2023-4911"],"summary":"Looney Tunables",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"glibc"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.36-9+deb12u3"}]}]}]}
        """;

    private readonly CliRun cli = new();
    private readonly string osv;

    public DiskScanCommandTests()
    {
        osv = Path.Combine(cli.Folder, "osv");
        Directory.CreateDirectory(osv);
        File.WriteAllText(Path.Combine(osv, "DEBIAN-CVE-2023-4911.json"), Record);
    }

    public void Dispose() => cli.Dispose();

    internal static string? Mke2fs => new[] { "/usr/sbin/mke2fs", "/sbin/mke2fs" }.FirstOrDefault(File.Exists);

    private string Image()
    {
        var root = Path.Combine(cli.Folder, "root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg"));
        File.WriteAllText(Path.Combine(root, "etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/status"), "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nSource: glibc\nVersion: 2.36-9+deb12u1\n\n");
        var image = Path.Combine(cli.Folder, "vm.img");
        using var mkfs = Process.Start(new ProcessStartInfo(Mke2fs!, $"-q -F -t ext4 -d \"{root}\" \"{image}\" 16M") { RedirectStandardError = true, RedirectStandardOutput = true })!;
        mkfs.WaitForExit();
        Assert.Equal(0, mkfs.ExitCode);
        return image;
    }

    [Mke2fsFact]
    public void An_ext4_image_is_scanned_with_its_vulnerabilities_and_fail_on()
    {
        var image = Image();

        var (code, output, error) = cli.Run("disk", "scan", image, "--osv", osv);
        Assert.True(code == 0, error);
        Assert.Contains("whole disk: ext4, 1 packages", error);
        Assert.Contains("DEBIAN-CVE-2023-4911", output);
        Assert.Contains("Debian GNU/Linux 12 (bookworm)", output);

        var (_, json, _) = cli.Run("disk", "scan", image, "--osv", osv, "--format", "json");
        using var document = JsonDocument.Parse(json);
        Assert.Contains("CVE-2023-4911", json);

        Assert.Equal(ExitCodes.FindingsAtOrAbove, cli.Run("disk", "scan", image, "--osv", osv, "--fail-on", "high").Code);
        Assert.Equal(ExitCodes.Ok, cli.Run("disk", "scan", image, "--osv", osv, "--fail-on", "critical").Code);
    }

    [Fact]
    public void A_disk_without_a_readable_file_system_is_bad_input_with_the_reason()
    {
        var image = Path.Combine(cli.Folder, "xfs.img");
        var bytes = new byte[1 << 20];
        "XFSB"u8.CopyTo(bytes);
        File.WriteAllBytes(image, bytes);

        var (code, _, error) = cli.Run("disk", "scan", image, "--sbom-only");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("whole disk: xfs, not read: XFS is detected but not read yet", error);
        Assert.Contains($"error: no file system on {image} could be read", error);
        Assert.Equal(ExitCodes.BadInput, cli.Run("disk", "scan", Path.Combine(cli.Folder, "missing.img")).Code);
    }
}

/// <summary>A fact that needs Debian's mke2fs; skipped, naming the package, when it is absent.</summary>
internal sealed class Mke2fsFactAttribute : FactAttribute
{
    public Mke2fsFactAttribute()
    {
        if (DiskScanCommandTests.Mke2fs is null)
        {
            Skip = "mke2fs is not installed: apt-get install -y e2fsprogs";
        }
    }
}
