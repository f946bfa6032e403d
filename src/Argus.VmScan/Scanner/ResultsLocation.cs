namespace Argus.VmScan.Scanner;

/// <summary>
/// Where Argus and a scanner it launched exchange jobs and results: <c>s3://argus-vm-scan-.../prefix</c>. A job per
/// attached volume under <c>&lt;prefix&gt;/&lt;scan-id&gt;/jobs/</c>, its result under <c>.../results/</c>. The
/// generated policy grants S3 only on buckets named <see cref="BucketPrefix"/>*, so no other bucket is ever reachable.
/// </summary>
public sealed record ResultsLocation(string Bucket, string Prefix)
{
    /// <summary>The bucket name prefix the generated IAM policies allow.</summary>
    public const string BucketPrefix = "argus-vm-scan-";

    /// <summary>The marker the control plane writes when it has no more jobs, so the worker stops.</summary>
    public const string EndMarker = "END";

    /// <summary>Parses <c>s3://bucket[/prefix]</c>.</summary>
    /// <exception cref="ArgumentException">Not an s3:// URL, or a bucket the policy does not allow; the message names the position.</exception>
    public static ResultsLocation Parse(string text)
    {
        const string scheme = "s3://";
        if (!text.StartsWith(scheme, StringComparison.Ordinal))
        {
            throw new ArgumentException($"--results '{text}': expected s3://{BucketPrefix}<name>/<prefix> at character 1");
        }

        var rest = text[scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (bucket.Length < 3 || bucket.Length > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            throw new ArgumentException($"--results '{text}': '{bucket}' at character {scheme.Length + 1} is not an S3 bucket name (3-63 lower-case letters, digits, '-' and '.')");
        }

        if (!bucket.StartsWith(BucketPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"--results '{text}': the bucket at character {scheme.Length + 1} must be named {BucketPrefix}*; the vuln.vm-scan policy grants S3 on those buckets only");
        }

        return new ResultsLocation(bucket, prefix);
    }

    /// <summary>The folder of one scan.</summary>
    public string ScanFolder(string scanId) => (Prefix.Length > 0 ? Prefix + "/" : "") + scanId + "/";

    public string JobsFolder(string scanId) => ScanFolder(scanId) + "jobs/";

    public string JobKey(string scanId, string volumeId) => JobsFolder(scanId) + volumeId + ".json";

    public string ResultKey(string scanId, string volumeId) => ScanFolder(scanId) + "results/" + volumeId + ".json";

    public string EndKey(string scanId) => JobsFolder(scanId) + EndMarker;

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
