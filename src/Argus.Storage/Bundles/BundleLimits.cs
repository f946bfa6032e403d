namespace Argus.Storage.Bundles;

/// <summary>
/// Bounds on what reading a bundle may cost, so that a hostile or corrupt archive (a gzip bomb, a huge entry)
/// is refused instead of exhausting memory or disk.
/// </summary>
/// <param name="MaxEntryBytes">The largest single file (manifest or document); at most <see cref="Array.MaxLength"/>, as a document is held in one array.</param>
/// <param name="MaxTotalBytes">The most decompressed bytes read from a .tar.gz, headers included.</param>
public sealed record BundleLimits(long MaxEntryBytes, long MaxTotalBytes)
{
    /// <summary>About 2 GiB per entry and 8 GiB in all.</summary>
    public static BundleLimits Default { get; } = new(Array.MaxLength, 8L * 1024 * 1024 * 1024);
}
