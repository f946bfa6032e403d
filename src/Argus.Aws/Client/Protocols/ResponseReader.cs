using System.Net.Http.Headers;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Argus.Aws.Client.Model;
using Argus.Core.Buffers;

namespace Argus.Aws.Client.Protocols;

/// <summary>Turns a successful answer of any supported protocol into the AWS CLI JSON shape.</summary>
internal static class ResponseReader
{
    public static JsonObject Read(ServiceModel model, OperationModel operation, int status, HttpResponseHeaders headers, ReadOnlyMemory<byte> body)
    {
        if (operation.Output is null)
        {
            return [];
        }

        var output = model.Shape(operation.Output);
        var result = model.Protocol switch
        {
            // One XML reader for both results: the tree is parsed from the UTF-8 JSON the collector stores.
            "ec2" => ReadXml(model, body, output, null),
            "query" => ReadXml(model, body, output, operation.ResultWrapper),
            "json" or "rest-json" => ReadJson(model, output, body),
            "rest-xml" => ReadRestXml(model, output, body),
            var protocol => throw new NotSupportedException($"{model.Service} uses the {protocol} protocol, which the client does not speak"),
        };
        if (model.Protocol.StartsWith("rest-", StringComparison.Ordinal))
        {
            AddLocated(output, status, headers, result, model);
        }

        return result;
    }

    /// <summary>
    /// <see cref="Read"/> as the UTF-8 JSON a raw document stores, the same bytes as serializing its answer: the ec2,
    /// query and json answers are written straight from the wire, without building a tree; the others (rest-xml, and
    /// rest-json answers with members from headers) are read as trees and serialized.
    /// </summary>
    public static byte[] ReadUtf8(ServiceModel model, OperationModel operation, int status, HttpResponseHeaders headers, ReadOnlyMemory<byte> body)
    {
        if (operation.Output is null)
        {
            return "{}"u8.ToArray();
        }

        var output = model.Shape(operation.Output);
        switch (model.Protocol)
        {
            case "ec2" or "query":
                return Utf8(body, json => XmlJsonWriter.Write(model, body, output, model.Protocol == "query" ? operation.ResultWrapper : null, json));
            case "json" or "rest-json" when output.Members.Values.All(m => m.Location is null):
                if (body.Length == 0)
                {
                    return "{}"u8.ToArray();
                }

                using (var answer = JsonDocument.Parse(body))
                {
                    if (answer.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new InvalidDataException("the answer is not a JSON object");
                    }

                    return Utf8(body, json => JsonShapes.WriteCli(model, output, answer.RootElement, json));
                }

            default:
                return JsonSerializer.SerializeToUtf8Bytes(Read(model, operation, status, headers, body));
        }
    }

    private static byte[] Utf8(ReadOnlyMemory<byte> body, Action<Utf8JsonWriter> write)
    {
        // A pooled buffer about the answer's size (the JSON is mostly smaller than the XML): a document is copied out of it at its exact size.
        using var output = new PooledBufferWriter(AnswerBuffers.Pool, body.Length);
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            write(json);
        }

        return output.WrittenSpan.ToArray();
    }

    private static JsonObject ReadXml(ServiceModel model, ReadOnlyMemory<byte> body, Shape output, string? wrapper) =>
        (JsonObject)JsonNode.Parse(Utf8(body, json => XmlJsonWriter.Write(model, body, output, wrapper, json)))!;

    private static JsonObject ReadJson(ServiceModel model, Shape output, ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        var node = JsonNode.Parse(body.Span) as JsonObject ?? throw new InvalidDataException("the answer is not a JSON object");
        return (JsonObject)JsonShapes.ToCli(model, output, node)!;
    }

    private static JsonObject ReadRestXml(ServiceModel model, Shape output, ReadOnlyMemory<byte> body)
    {
        if (output.Payload is { } payload)
        {
            var member = output.Members[payload];
            var shape = model.Shape(member.Shape);
            var result = new JsonObject();
            if (shape.Type is "string" or "blob")
            {
                result[payload] = Encoding.UTF8.GetString(body.Span);
            }
            else if (body.Length > 0)
            {
                result[payload] = XmlResponseReader.Read(model, Xml(body), shape);
            }

            return result;
        }

        if (body.Length == 0)
        {
            return [];
        }

        var root = Xml(body);
        // Answers whose root element is the only member (GetBucketLocation's LocationConstraint) rather than the output.
        var single = output.Members.Where(m => m.Value.Location is null).ToList();
        if (single.Count == 1 && (single[0].Value.LocationName ?? single[0].Key) == root.Name.LocalName && model.Shape(single[0].Value.Shape).Type != "structure")
        {
            // An empty element is no value: the CLI prints us-east-1's location as null, not "".
            var value = root.IsEmpty || (!root.HasElements && root.Value.Length == 0) ? null : XmlResponseReader.Read(model, root, model.Shape(single[0].Value.Shape));
            return new JsonObject { [single[0].Key] = value };
        }

        return XmlResponseReader.ReadStructure(model, root, output);
    }

    private static void AddLocated(Shape output, int status, HttpResponseHeaders headers, JsonObject result, ServiceModel model)
    {
        foreach (var (name, member) in output.Members)
        {
            if (member.Location == "statusCode")
            {
                result[name] = status;
            }
            else if (member.Location == "header" && member.LocationName is { } header && headers.TryGetValues(header, out var values))
            {
                result[name] = WireValues.Scalar(string.Join(",", values), model.Shape(member.Shape).Type);
            }
        }
    }

    private static readonly System.Xml.XmlReaderSettings XmlSettings = new() { DtdProcessing = System.Xml.DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true };

    /// <summary>A read-only stream over an answer's bytes, without copying them.</summary>
    internal static MemoryStream Stream(ReadOnlyMemory<byte> body) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);

    private static XElement Xml(ReadOnlyMemory<byte> body)
    {
        try
        {
            // Straight from the bytes: no UTF-16 copy of what can be tens of megabytes (DescribeNetworkInterfaces).
            using var reader = System.Xml.XmlReader.Create(Stream(body), XmlSettings);
            return XDocument.Load(reader).Root ?? throw new InvalidDataException("the answer is an empty XML document");
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"the answer is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
    }
}
