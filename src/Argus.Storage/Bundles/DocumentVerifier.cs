using System.Security.Cryptography;
using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>Checks a document's bytes against its manifest entry before they become a raw document.</summary>
internal static class DocumentVerifier
{
    /// <param name="where">The file, as the user should read it in the error.</param>
    public static RawDocument Verify(ManifestDocument entry, byte[] bytes, string where)
    {
        if (bytes.LongLength != entry.Size)
        {
            throw new ImportException(where, $"the document is {bytes.LongLength:N0} bytes but the manifest says {entry.Size:N0}; the bundle was altered or damaged");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha256 != entry.Sha256)
        {
            throw new ImportException(where, $"SHA-256 {sha256} does not match the manifest's {entry.Sha256}; the bundle was altered or damaged");
        }

        return new RawDocument(entry.Provider, entry.Account, entry.Region, entry.Service, entry.Operation, entry.Resource, bytes);
    }

    /// <summary>Refuses an entry over the size limit before anything is allocated for it.</summary>
    public static void CheckSize(long size, BundleLimits limits, string where)
    {
        if (size > limits.MaxEntryBytes)
        {
            throw new ImportException(where, $"the file is {size:N0} bytes, over the {limits.MaxEntryBytes:N0}-byte limit for one bundle entry");
        }
    }
}
