using System.IO.Compression;

namespace Argus.Network.FlowLogs.Parsing;

/// <summary>
/// Whether this process's GZipStream reports a stream that ends inside a gzip member. By default .NET ends a cut
/// stream silently; the framework's <c>System.IO.Compression.UseStrictValidation</c> switch makes it throw instead.
/// The switch is read once, when the compression types first run, so it is set here and also in the runtime
/// configuration of the executables (a library cannot be sure it comes first); a probe tells whether it took.
/// With it, every gzip member is read (GZipStream reads concatenated members) and each complete member's CRC and
/// length are checked by zlib, so only a real cut is reported.
/// </summary>
internal static class StrictGzip
{
    private const string Switch = "System.IO.Compression.UseStrictValidation";

    static StrictGzip()
    {
        if (!AppContext.TryGetSwitch(Switch, out _))
        {
            AppContext.SetSwitch(Switch, true);
        }

        Active = Probe();
    }

    /// <summary>True when a gzip stream cut short throws <see cref="InvalidDataException"/> rather than ending.</summary>
    public static bool Active { get; }

    private static bool Probe()
    {
        using var whole = new MemoryStream();
        using (var z = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write("probe\n"u8);
        }

        var cut = whole.ToArray()[..^4];
        try
        {
            using var z = new GZipStream(new MemoryStream(cut), CompressionMode.Decompress);
            z.CopyTo(Stream.Null);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
