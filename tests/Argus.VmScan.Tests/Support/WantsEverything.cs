using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Tests.Support;

/// <summary>A cataloguer that wants every file, so the extractor copies a whole tree for comparison.</summary>
internal sealed class WantsEverything : IFileCataloguer
{
    public bool Wants(string rootPath, FileInfo file) => true;

    public IEnumerable<Package> Read(CatalogueContext context, string rootPath, FileInfo file) => [];
}
