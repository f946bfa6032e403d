using System.Text;

namespace Argus.Cli.Commands;

/// <summary>
/// A UTF-8 stream over a command's text output, for writers that produce bytes (Utf8JsonWriter); what they wrote is
/// passed to the text writer when disposed, so tests that capture output see it.
/// </summary>
public sealed class OutputStream(TextWriter writer) : IDisposable
{
    public MemoryStream Stream { get; } = new();

    public void Dispose()
    {
        writer.Write(Encoding.UTF8.GetString(Stream.GetBuffer(), 0, (int)Stream.Length));
        writer.WriteLine();
        Stream.Dispose();
    }
}
