using System.Diagnostics;
using Argus.Tests;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>ext4 disk images built with Debian's mkfs.ext4 -d from a small root file system (os-release and a dpkg status).</summary>
internal static class TestDisks
{
    public static string Ext4(string folder, string label, string package = "openssl", string version = "3.0.11-1~deb12u1")
    {
        var root = Path.Combine(folder, label + "-root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var", "lib", "dpkg"));
        File.WriteAllText(Path.Combine(root, "etc", "os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n");
        File.WriteAllText(Path.Combine(root, "var", "lib", "dpkg", "status"), $"""
            Package: {package}
            Status: install ok installed
            Architecture: amd64
            Version: {version}

            """);
        var image = Path.Combine(folder, label + ".img");
        var mkfs = File.Exists("/usr/sbin/mkfs.ext4") ? "/usr/sbin/mkfs.ext4" : "mkfs.ext4";
        using var process = Process.Start(new ProcessStartInfo(mkfs, ["-q", "-F", "-L", label, "-d", root, image, "4M"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"mkfs.ext4 failed: {process.StandardError.ReadToEnd()}");
        return image;
    }

    public static string NewFolder() => TestPaths.NewTempFolder();
}
