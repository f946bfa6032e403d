using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Buffers;
using Argus.Core.Model;

namespace Argus.Synthetic.Documents;

/// <summary>
/// Writes one document at a time into a reused pooled buffer, then copies it out at its exact size: the
/// consumer may keep documents, the buffer is never handed out.
/// </summary>
internal sealed class DocumentWriter : IDisposable
{
    private readonly PooledBufferWriter buffer = new();
    private readonly Utf8JsonWriter json;

    public DocumentWriter()
    {
        // Printed like the AWS CLI prints it: '+', '<', '&' and non-ASCII text as they are, not as \u escapes.
        // Structural validation is left to the tests, which parse every document of the demo and medium presets.
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <summary>Begins a document's top-level object.</summary>
    public Utf8JsonWriter Start()
    {
        buffer.Clear();
        json.Reset(buffer);
        json.WriteStartObject();
        return json;
    }

    /// <summary>Ends the document begun by <see cref="Start"/> and returns it, filed under the operation's service and region.</summary>
    public RawDocument Finish(string account, string region, AwsOperation operation, string? resource = null)
    {
        json.WriteEndObject();
        json.Flush();
        return new RawDocument(Provider.Aws, account, operation.Global ? Regions.Global : region, operation.Service, operation.Operation, resource, buffer.WrittenSpan.ToArray());
    }

    /// <summary>
    /// A document whose answer is one list of objects, under the operation's item key from the catalog (so the
    /// generator cannot drift from what the importer recognises). <paramref name="write"/> fills each object.
    /// </summary>
    public RawDocument List<T>(string account, string region, AwsOperation operation, IEnumerable<T> items, Action<Utf8JsonWriter, T> write, string? resource = null)
    {
        var key = operation.ItemKey ?? throw new ArgumentException($"{operation.Operation} has no item list", nameof(operation));
        var w = Start();
        w.WriteObjects(Encoding.UTF8.GetBytes(key), items, item => write(w, item));
        return Finish(account, region, operation, resource);
    }

    public void Dispose()
    {
        json.Dispose();
        buffer.Dispose();
    }
}
