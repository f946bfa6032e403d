using Argus.Core.Import;

namespace Argus.Network.FlowLogs.Sources;

/// <summary>An <c>s3://bucket/prefix</c> location.</summary>
public sealed record S3Location(string Bucket, string Prefix)
{
    /// <exception cref="ImportException">Not an s3:// URL with a bucket name.</exception>
    public static S3Location Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(url, "not an s3:// location");
        }

        var rest = url["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length is < 3 or > 63 || bucket.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')))
        {
            throw new ImportException(url, $"'{bucket}' is not an S3 bucket name");
        }

        return new S3Location(bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
