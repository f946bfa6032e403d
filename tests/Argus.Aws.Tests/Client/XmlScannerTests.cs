using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Argus.Aws.Client.Model;
using Argus.Aws.Client.Protocols;

namespace Argus.Aws.Tests.Client;

/// <summary>
/// The strict UTF-8 scanner the ec2 and query answers are read with: what it decodes (entities, character references,
/// CDATA, line ends, prefixes), what it refuses (with the byte offset), and that the answers written from it are the
/// bytes the XmlReader-based tree reader gives.
/// </summary>
public sealed class XmlScannerTests
{
    private static readonly HttpResponseHeaders NoHeaders = new HttpResponseMessage().Headers;

    [Theory]
    [InlineData("<a>x &lt; &gt; &amp; &quot; &apos; y</a>", "x < > & \" ' y")]
    [InlineData("<a>&#65;&#x42;&#x1F600;&#233;</a>", "AB\U0001F600é")]
    [InlineData("<a><![CDATA[<not> &amp; markup]]></a>", "<not> &amp; markup")]
    [InlineData("<a>one\r\ntwo\rthree\n</a>", "one\ntwo\nthree\n")]
    [InlineData("<a>t<!-- comment --><b>e<c/>x</b><?pi data?>t</a>", "text")]
    [InlineData("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- before -->\n<p:a xmlns:p=\"urn:x\">plain</p:a>\n<!-- after -->\n", "plain")]
    [InlineData("<a/>", "")]
    [InlineData("<a></a>", "")]
    public void Text_is_decoded_as_xml_defines_it(string xml, string text)
    {
        var scanner = new XmlScanner(Encoding.UTF8.GetBytes(xml));
        scanner.ReadRoot();

        Assert.Equal("a", Encoding.UTF8.GetString(scanner.LocalName));
        Assert.Equal(text, Encoding.UTF8.GetString(scanner.ReadText()));
        scanner.End();
    }

    [Fact]
    public void Attributes_are_found_by_local_name_and_normalized()
    {
        var scanner = new XmlScanner(Encoding.UTF8.GetBytes("<a xmlns:xsi=\"urn:xsi\" xsi:type='Canonical&amp;User' note=\"one\ttwo\r\nthree&#10;\"><b/></a>"));
        scanner.ReadRoot();

        Assert.Equal(3, scanner.AttributeCount);
        Assert.Equal("Canonical&User", scanner.Attribute("type"));
        Assert.Equal("one two three\n", scanner.Attribute("note"));
        Assert.Null(scanner.Attribute("missing"));
        Assert.True(scanner.NextChild());
        Assert.True(scanner.IsEmptyElement);
        Assert.False(scanner.NextChild());
        scanner.End();
    }

    [Fact]
    public void Children_are_walked_in_order_and_skipped_whole()
    {
        var scanner = new XmlScanner(Encoding.UTF8.GetBytes("<r>\n  <a><x><y>deep</y></x></a>\n  <b>2</b>\n  <c/>\n</r>"));
        scanner.ReadRoot();
        var seen = new List<string>();
        while (scanner.NextChild())
        {
            seen.Add(Encoding.UTF8.GetString(scanner.LocalName));
            if (scanner.LocalName.SequenceEqual("b"u8))
            {
                Assert.Equal("2", Encoding.UTF8.GetString(scanner.ReadText()));
            }
            else
            {
                scanner.Skip();
            }
        }

        scanner.End();
        Assert.Equal(["a", "b", "c"], seen);
    }

    [Theory]
    [InlineData("", "empty XML document", -1)]
    [InlineData("   ", "empty XML document", -1)]
    [InlineData("<a><b>x</a>", "byte 7, line 1, column 8): </a> closes <b>", 7)]
    [InlineData("<a><b>x</b>", "byte 11, line 1, column 12): the document ends inside element <a>", 11)]
    [InlineData("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "byte 0, line 1, column 1): a DTD", 0)]
    [InlineData("<a>&e;</a>", "byte 3, line 1, column 4): the undeclared entity &e;", 3)]
    [InlineData("<a>AT&T</a>", "byte 5, line 1, column 6): an '&' that starts no entity", 5)]
    [InlineData("<a>&#0;</a>", "byte 3, line 1, column 4): &#0; is not a character XML allows", 3)]
    [InlineData("<a>&#xD800;</a>", "byte 3", 3)]
    [InlineData("<a>\nbell\u0007</a>", "byte 8, line 2, column 5): the control character 0x07", 8)]
    [InlineData("<a/><b/>", "byte 4, line 1, column 5): content after the root element", 4)]
    [InlineData("<a/>text", "byte 4, line 1, column 5): content after the root element", 4)]
    [InlineData("text<a/>", "byte 0, line 1, column 1): text before the root element", 0)]
    [InlineData("<a x=1/>", "byte 5, line 1, column 6): attribute x's value is not quoted", 5)]
    [InlineData("<a x='<'/>", "byte 6, line 1, column 7): a '<' in attribute x's value", 6)]
    [InlineData("<a x='1' x='2'/>", "byte 9, line 1, column 10): attribute x appears twice", 9)]
    [InlineData("<a x='1'y='2'/>", "byte 8, line 1, column 9): an unexpected 'y'", 8)]
    [InlineData("<a><1/></a>", "byte 4, line 1, column 5): '<' not followed by an element name", 4)]
    [InlineData("<a><!-- open </a>", "byte 3, line 1, column 4): an unterminated comment", 3)]
    [InlineData("<a><![CDATA[x</a>", "byte 3, line 1, column 4): an unterminated CDATA section", 3)]
    [InlineData("<a>éé<b>x</c></a>", "byte 11, line 1, column 10): </c> closes <b>", 11)]
    public void Malformed_xml_fails_with_its_offset(string xml, string message, int offset)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadAll(Encoding.UTF8.GetBytes(xml)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        if (offset >= 0)
        {
            Assert.StartsWith($"the answer is not well-formed XML (byte {offset},", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_utf8_fails_at_its_first_bad_byte()
    {
        byte[] xml = [.. "<a>caf"u8, 0xC3, 0x28, .. "</a>"u8];

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(xml));

        Assert.StartsWith("the answer is not well-formed XML (byte 6, line 1, column 7): the answer is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_count_from_the_answer_within_a_larger_buffer()
    {
        var buffer = Encoding.UTF8.GetBytes("garbage<a><b></a>garbage");

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(buffer.AsMemory(7, 10)));

        Assert.StartsWith("the answer is not well-formed XML (byte 6,", error.Message, StringComparison.Ordinal);
    }

    // Entities, character references, CDATA, CR LF, comments, prefixes and attributes in a real answer's shapes.
    private const string Unusual = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- generated -->\r\n"
        + "<ec2:DescribeSecurityGroupsResponse xmlns:ec2=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\r\n"
        + "  <ec2:securityGroupInfo>\r\n    <item a=\"1\">\r\n"
        + "      <groupName><![CDATA[web <tier>]]> &amp; &#x1F600; caf&#233;</groupName>\r\n"
        + "      <groupDescription>line one\r\nline two\rline three</groupDescription>\r\n"
        + "      <ipPermissions><item><fromPort>&#52;43</fromPort><ipProtocol>t<!-- split -->cp</ipProtocol></item></ipPermissions>\r\n"
        + "      <tagSet><item><key>k</key><value/></item></tagSet>\r\n"
        + "    </item>\r\n  </ec2:securityGroupInfo>\r\n</ec2:DescribeSecurityGroupsResponse>\r\n<!-- trailing -->\r\n";

    private const string UnusualQuery = "<GetAccountSummaryResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata/>"
        + "<GetAccountSummaryResult><SummaryMap><entry><key>Users&#x20;&amp;</key><value> 3 </value></entry></SummaryMap></GetAccountSummaryResult>"
        + "<GetAccountSummaryResult><SummaryMap/></GetAccountSummaryResult></GetAccountSummaryResponse>";

    [Theory]
    [InlineData("ec2", "DescribeSecurityGroups", Unusual)]
    [InlineData("iam", "GetAccountSummary", UnusualQuery)]
    public void Unusual_answers_are_written_as_the_tree_reader_reads_them(string service, string operation, string body)
    {
        var model = ServiceModel.Find(service)!;
        var op = model.Operation(operation)!;
        var bytes = Encoding.UTF8.GetBytes(body);

        var expected = JsonSerializer.SerializeToUtf8Bytes(XmlStreamReader.Expected(model, op, NoHeaders, bytes));
        var written = ResponseReader.ReadUtf8(model, op, 200, NoHeaders, bytes);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Unusual_text_reaches_the_document_decoded()
    {
        var model = ServiceModel.Find("ec2")!;

        using var written = JsonDocument.Parse(ResponseReader.ReadUtf8(model, model.Operation("DescribeSecurityGroups")!, 200, NoHeaders, Encoding.UTF8.GetBytes(Unusual)));

        var group = written.RootElement.GetProperty("SecurityGroups")[0];
        Assert.Equal("web <tier> & \U0001F600 café", group.GetProperty("GroupName").GetString());
        Assert.Equal("line one\nline two\nline three", group.GetProperty("Description").GetString());
        Assert.Equal(443, group.GetProperty("IpPermissions")[0].GetProperty("FromPort").GetInt32());
        Assert.Equal("tcp", group.GetProperty("IpPermissions")[0].GetProperty("IpProtocol").GetString());
    }

    [Theory]
    [InlineData("2024-05-01T12:30:00Z", true)]
    [InlineData("2024-05-01T12:30:00.250Z", true)]
    [InlineData("2024-05-01T12:30:00.000Z", true)]
    [InlineData("2024-05-01T12:30:00.1234567Z", true)]
    [InlineData("2024-05-01T12:30:00.0000001Z", true)]
    [InlineData("2024-02-29T23:59:59.9Z", true)]
    [InlineData("0001-01-01T00:00:00Z", true)]
    [InlineData("2023-02-29T00:00:00Z", false)]
    [InlineData("2024-05-01T24:00:00Z", false)]
    [InlineData("2024-05-01T12:30:00.12345678Z", false)]
    [InlineData("2024-05-01T12:30:00+02:00", false)]
    [InlineData("2024-05-01 12:30:00Z", false)]
    [InlineData("2024-05-01T12:30:00.Z", false)]
    [InlineData("1714566600", false)]
    [InlineData(" 2024-05-01T12:30:00Z ", false)]
    public void Timestamps_on_the_fast_path_match_the_general_rendering(string text, bool fast)
    {
        var output = new ArrayBufferWriter<byte>();
        bool taken;
        using (var json = new Utf8JsonWriter(output))
        {
            taken = IsoTimestamp.TryWriteCli(Encoding.UTF8.GetBytes(text), json);
        }

        Assert.Equal(fast, taken);
        if (taken)
        {
            Assert.Equal(Write(json => WireValues.WriteScalar(json, text, "timestamp")), Encoding.UTF8.GetString(output.WrittenSpan));
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static void ReadAll(ReadOnlyMemory<byte> xml)
    {
        var scanner = new XmlScanner(xml);
        scanner.ReadRoot();
        scanner.Skip();
        scanner.End();
    }
}
