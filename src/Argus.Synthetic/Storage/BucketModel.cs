using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Storage;

/// <summary>The four switches of an S3 public access block.</summary>
internal sealed record PublicAccessBlock(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    public static PublicAccessBlock On { get; } = new(true, true, true, true);

    public static PublicAccessBlock Off { get; } = new(false, false, false, false);
}

/// <summary>
/// An S3 bucket. Null settings are the ones the real API answers with an error (no policy, no tags, versioning
/// never enabled, no public access block), for which no document is written.
/// </summary>
/// <param name="KmsKeyArn">The default encryption key, or null for SSE-S3 (AES256).</param>
internal sealed record BucketModel(
    string Name,
    string Region,
    DateTimeOffset Created,
    string? Policy,
    bool IsPublic,
    PublicAccessBlock? AccessBlock,
    string? KmsKeyArn,
    string? Versioning,
    IReadOnlyList<Tag> Tags);
