using Argus.Core.Import;
using Argus.Core.IO;

namespace Argus.Storage.Bundles;

/// <summary>A read-only pass-through that refuses to deliver more than a set number of bytes in all.</summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string path) : CountingReadStream(inner)
{
    protected override void AfterRead(long total)
    {
        if (total > limit)
        {
            throw new ImportException(path, $"the archive decompresses to more than {limit:N0} bytes, the limit; refusing it (a damaged or hostile archive?)");
        }
    }
}
