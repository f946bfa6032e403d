using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Rules;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

public sealed class FlowLogReaderTests
{
    private static readonly JsonElement Expected =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("flow-logs", "expected-summary.json"))).RootElement;

    [Theory]
    [InlineData("v2-default.log")]
    [InlineData("v5-custom.log")]
    [InlineData("malformed-v2.log")]
    public void Counts_match_the_fixture_summary(string file)
    {
        var expected = Expected.GetProperty(file);
        var sink = new CountingSink();
        using var stream = File.OpenRead(TestPaths.Fixture("flow-logs", file));

        var result = FlowLogReader.Read(stream, file, null, sink);

        Assert.Equal(expected.GetProperty("lines").GetInt32(), result.Lines);
        Assert.Equal(expected.GetProperty("records").GetInt32(), result.Records);
        Assert.Equal(expected.GetProperty("header").GetBoolean(), result.HadHeader);
        foreach (var status in expected.GetProperty("byLogStatus").EnumerateObject())
        {
            var key = status.Name switch { "OK" => FlowLogStatus.Ok, "NODATA" => FlowLogStatus.NoData, _ => FlowLogStatus.SkipData };
            Assert.Equal(status.Value.GetInt32(), sink.ByStatus.GetValueOrDefault(key));
        }

        Assert.Equal(expected.GetProperty("byAction").GetProperty("ACCEPT").GetInt32(), sink.ByAction.GetValueOrDefault(FlowAction.Accept));
        Assert.Equal(expected.GetProperty("byAction").GetProperty("REJECT").GetInt32(), sink.ByAction.GetValueOrDefault(FlowAction.Reject));
        Assert.Equal(expected.GetProperty("ipv6Records").GetInt32(), sink.Ipv6);
        Assert.Equal(expected.GetProperty("okPacketsTotal").GetInt64(), sink.OkPackets);
        Assert.Equal(expected.GetProperty("okBytesTotal").GetInt64(), sink.OkBytes);
        Assert.Equal(expected.GetProperty("distinctInterfaceIds").GetInt32(), sink.Interfaces.Count);
        Assert.Equal(expected.GetProperty("emptyLines").GetArrayLength(), result.EmptyLines);
        Assert.Equal(
            expected.GetProperty("malformedLines").EnumerateArray().Select(m => m.GetProperty("line").GetInt64()),
            result.BadLines.Select(b => b.Line));
        Assert.Equal(result.BadLines.Count, result.MalformedLines);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Malformed_lines_name_file_line_and_reason()
    {
        using var stream = File.OpenRead(TestPaths.Fixture("flow-logs", "malformed-v2.log"));

        var result = FlowLogReader.Read(stream, "malformed-v2.log", null, new CountingSink());

        Assert.Equal(
            [
                "malformed-v2.log:3: field count 10 != 14",
                "malformed-v2.log:5: field count 13 != 14",
                "malformed-v2.log:6: non-numeric srcport='ssh'",
                "malformed-v2.log:9: field count 15 != 14",
                "malformed-v2.log:11: field count 7 != 14 (truncated last line, no trailing newline)",
            ],
            result.BadLines.Select(b => b.ToString()));
    }

    [Fact]
    public void Gzip_is_detected_by_content_and_reads_like_the_plain_file()
    {
        var plain = new CountingSink();
        var zipped = new CountingSink();
        using (var s = File.OpenRead(TestPaths.Fixture("flow-logs", "v5-custom.log")))
        {
            FlowLogReader.Read(s, "plain", null, plain);
        }

        using var z = File.OpenRead(TestPaths.Fixture("flow-logs", "v5-custom.log.gz"));
        var result = FlowLogReader.Read(z, "zipped", null, zipped);

        Assert.True(result.Gzip);
        Assert.True(result.HadHeader);
        Assert.Equal(25, result.Records);
        Assert.Equal(plain.OkBytes, zipped.OkBytes);
        Assert.Equal(plain.Lines, zipped.Lines);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_truncated_gzip_file_is_reported_with_the_records_before_the_cut(int divisor)
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("flow-logs", "v5-custom.log.gz"));
        var cut = bytes[..(bytes.Length - (bytes.Length / divisor))];

        var result = FlowLogReader.Read(new MemoryStream(cut), "cut.log.gz", null, new CountingSink());

        Assert.Contains(result.Problems, p => p.Contains("truncated", StringComparison.Ordinal));
        Assert.InRange(result.Records, 1, 24);
    }

    [Fact]
    public void A_gzip_file_missing_only_its_trailer_is_reported()
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("flow-logs", "v5-custom.log.gz"));

        var result = FlowLogReader.Read(new MemoryStream(bytes[..^4]), "cut.log.gz", null, new CountingSink());

        Assert.Single(result.Problems);
        Assert.Equal(25, result.Records);
    }

    [Fact]
    public void Concatenated_gzip_members_are_all_read_and_not_called_truncated()
    {
        // The fixture (a v5 header and 25 records), then two members of default-format records: the second
        // header line is reported as a format switch, nothing as truncated.
        var one = File.ReadAllBytes(TestPaths.Fixture("flow-logs", "v5-custom.log.gz"));
        var two = Gzip("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
            + string.Concat(Enumerable.Range(0, 7).Select(i => SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000 + i, 443, 1_700_000_000) + "\n")));
        var three = Gzip(SmallNetwork.Record("eni-web", "198.51.100.8", "10.0.1.10", 40000, 443, 1_700_000_000) + "\n");

        var result = FlowLogReader.Read(new MemoryStream([.. one, .. two, .. three]), "cat.log.gz", null, new CountingSink());

        Assert.DoesNotContain(result.Problems, p => p.Contains("gzip", StringComparison.Ordinal));
        Assert.Equal("line 27: a header line switches the format to version 2 (14 fields)", Assert.Single(result.Problems));
        Assert.Equal(25 + 7 + 1, result.Records);
        Assert.Equal(0, result.MalformedLines);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(40)]
    public void A_multi_member_gzip_cut_in_its_last_member_is_reported_with_file_and_line(int cutBytes)
    {
        var one = File.ReadAllBytes(TestPaths.Fixture("flow-logs", "v5-custom.log.gz"));
        var two = Gzip(string.Concat(Enumerable.Range(0, 300).Select(i => SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000 + i, 443, 1_700_000_000) + "\n")));
        var folder = TestPaths.NewTempFolder();
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "cut.log.gz"), [.. one, .. two[..^cutBytes]]);

            var report = Fixtures.Analyse(SnapshotRuleModel.FromDocuments(SmallNetwork.Documents()), folder);

            var problem = Assert.Single(report.Problems);
            Assert.Matches(@"cut\.log\.gz: gzip stream ends early \(truncated file\?\) in line \d+", problem);
            var source = report.Sources.Single();
            Assert.InRange(source.Records, 25, 25 + 300 - (cutBytes > 8 ? 1 : 0));
            Assert.Contains("ends early", source.Problems.Single(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_gzip_cut_mid_line_reports_the_partial_line()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 1024 + i, 443, 1_700_000_000) + "\n"));
        var bytes = Gzip(text);

        var result = FlowLogReader.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.gz", null, new CountingSink());

        Assert.Contains("ends early", Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.InRange(result.Records, 1, 1999);
        Assert.True(result.MalformedLines <= 1);
        Assert.All(result.BadLines, b => Assert.EndsWith("(truncated last line, no trailing newline)", b.Reason, StringComparison.Ordinal));
    }

    private static byte[] Gzip(string text)
    {
        using var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(Encoding.ASCII.GetBytes(text));
        }

        return gz.ToArray();
    }

    [Fact]
    public void Custom_format_fields_in_any_order_with_absent_values()
    {
        var format = FlowLogFormat.Parse("${dstport} ${action} ${srcaddr} ${interface-id} ${tcp-flags} ${log-status} ${pkt-dstaddr} ${flow-direction} ${reject-reason}");
        var line = "443 ACCEPT 2001:db8::1 eni-1 - OK - ingress -\n"u8.ToArray();
        FlowRecordCapture capture = new();

        var result = FlowLogReader.Read(new MemoryStream(line), "x", format, capture);

        Assert.Equal(8, format.Version);
        Assert.Equal(1, result.Records);
        Assert.Equal(443, capture.DstPort);
        Assert.Equal(-1, capture.TcpFlags);
        Assert.Equal(-1, capture.SrcPort);
        Assert.Equal("2001:db8::1", capture.Src);
        Assert.Equal(FlowDirection.Ingress, capture.Direction);
        Assert.False(capture.HasPktDst);
    }

    [Fact]
    public void A_header_mid_file_switches_the_format_and_is_reported()
    {
        var text = string.Join('\n',
            "2 1 eni-a 10.0.0.1 10.0.0.2 1 2 6 1 40 100 160 ACCEPT OK",
            "version interface-id srcaddr dstaddr action log-status flow-direction",
            "5 eni-b 10.0.0.3 10.0.0.4 ACCEPT OK egress",
            "2 1 eni-a 10.0.0.1 10.0.0.2 1 2 6 1 40 100 160 ACCEPT OK") + "\n";
        var sink = new CountingSink();

        var result = FlowLogReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(text)), "mixed.log", null, sink);

        Assert.Equal(2, result.Records);
        Assert.Equal(1, result.MalformedLines);
        Assert.Equal(4, result.BadLines.Single().Line);
        Assert.Contains(result.Problems, p => p.StartsWith("line 2:", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_header_fields_are_reported_and_skipped()
    {
        var text = "version interface-id srcaddr dstaddr action log-status future-field\n2 eni-b 10.0.0.3 10.0.0.4 ACCEPT OK whatever\n";

        var result = FlowLogReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(text)), "f.log", null, new CountingSink());

        Assert.Equal(1, result.Records);
        Assert.Contains(result.Problems, p => p.Contains("future-field", StringComparison.Ordinal));
    }

    [Fact]
    public void Binary_garbage_and_overlong_lines_never_throw()
    {
        var random = new Random(7);
        var bytes = new byte[300_000];
        random.NextBytes(bytes);
        bytes.AsSpan(0, 100_000).Fill((byte)'a');

        var result = FlowLogReader.Read(new MemoryStream(bytes), "noise.bin", null, new CountingSink());

        Assert.Equal(0, result.Records);
        Assert.True(result.MalformedLines > 0);
        Assert.Equal("line longer than 65,536 bytes", result.BadLines[0].Reason);
    }

    [Fact]
    public void Lines_spanning_buffer_refills_are_read_whole()
    {
        var line = "2 123456789012 eni-0f1e2d3c4b5a69788 198.51.100.23 172.31.16.21 51514 443 6 18 2713 1714564800 1714564858 ACCEPT OK\r\n";
        var text = string.Concat(Enumerable.Repeat(line, 20_000));
        using var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(Encoding.ASCII.GetBytes(text));
        }

        gz.Position = 0;
        var sink = new CountingSink();
        var result = FlowLogReader.Read(gz, "big.gz", null, sink);

        Assert.Equal(20_000, result.Records);
        Assert.Equal(0, result.MalformedLines);
        Assert.Equal(20_000 * 2713L, sink.OkBytes);
        Assert.Empty(result.Problems);
    }

    private sealed class FlowRecordCapture : IFlowRecordSink
    {
        public int DstPort { get; private set; }

        public int SrcPort { get; private set; }

        public int TcpFlags { get; private set; }

        public string Src { get; private set; } = "";

        public bool HasPktDst { get; private set; }

        public FlowDirection Direction { get; private set; }

        public void OnRecord(ref FlowRecord record)
        {
            DstPort = record.DstPort;
            SrcPort = record.SrcPort;
            TcpFlags = record.TcpFlags;
            Src = record.SrcAddr.ToString();
            HasPktDst = record.HasPktDstAddr;
            Direction = record.Direction;
        }
    }
}
