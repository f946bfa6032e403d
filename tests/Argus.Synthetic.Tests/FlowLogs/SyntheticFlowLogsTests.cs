using System.IO.Compression;
using Argus.Synthetic.FlowLogs;
using Argus.Tests;

namespace Argus.Synthetic.Tests.FlowLogs;

public sealed class SyntheticFlowLogsTests
{
    [Fact]
    public void Same_seed_same_files_in_the_S3_layout()
    {
        var a = TestPaths.NewTempFolder();
        var b = TestPaths.NewTempFolder();
        try
        {
            var first = SyntheticFlowLogs.Write(SyntheticPresets.Find("demo")!, 42, a, hours: 3);
            var second = SyntheticFlowLogs.Write(SyntheticPresets.Find("demo")!, 42, b, hours: 3);

            var files = Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(first.Files, files.Count);
            Assert.Equal(first.Records, second.Records);
            Assert.Equal(first.PlantedUnusedRules, second.PlantedUnusedRules);
            Assert.Equal(first.PlantedOverBroadRules, second.PlantedOverBroadRules);
            Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f))));
            Assert.All(files, f => Assert.Matches(@"^AWSLogs/\d{12}/vpcflowlogs/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/\d{12}_vpcflowlogs_[a-z0-9-]+_fl-[0-9a-f]+_\d{8}T\d{4}Z_[0-9a-f]{8}\.log\.gz$", f));

            using var gz = new GZipStream(File.OpenRead(Path.Combine(a, files[0])), CompressionMode.Decompress);
            var firstLine = new StreamReader(gz).ReadLine();
            Assert.Equal("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status", firstLine);
            Assert.Equal(new DateTimeOffset(2025, 12, 31, 21, 0, 0, TimeSpan.Zero), first.From);
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public void Another_seed_gives_other_traffic()
    {
        var a = TestPaths.NewTempFolder();
        try
        {
            var first = SyntheticFlowLogs.Write(SyntheticPresets.Find("demo")!, 42, a, hours: 2);
            var other = SyntheticFlowLogs.Write(SyntheticPresets.Find("demo")!, 7, Path.Combine(a, "other"), hours: 2);

            Assert.NotEqual(first.Records, other.Records);
        }
        finally
        {
            Directory.Delete(a, true);
        }
    }
}
