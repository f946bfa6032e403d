using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Storage;

namespace Argus.Synthetic.Documents;

/// <summary>
/// S3: the bucket list, then the per-bucket calls. Where the real API answers with an error (NoSuchBucketPolicy,
/// NoSuchTagSet, versioning never enabled) no document is written, exactly as a collection would store nothing.
/// </summary>
internal static class S3Documents
{
    public static IEnumerable<RawDocument> All(DocumentWriter d, OrgPlan org, AccountPlan account, IReadOnlyList<BucketModel> buckets)
    {
        var id = account.Id;
        var owner = org.Ids(account, Regions.Global).Hex("canonical-user", 0, 64);
        var w = d.Start();
        w.WriteObjects("Buckets"u8, buckets, bucket =>
        {
            w.WriteString("Name"u8, bucket.Name);
            w.WriteTime("CreationDate"u8, bucket.Created);
            w.WriteString("BucketRegion"u8, bucket.Region);
        });
        Owner(w, account, owner);
        yield return d.Finish(id, Regions.Global, AwsOperations.ListBuckets);

        foreach (var bucket in buckets)
        {
            w = d.Start();
            w.WriteStringOrNull("LocationConstraint"u8, bucket.Region == "us-east-1" ? null : bucket.Region);
            yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketLocation, bucket.Name);

            if (bucket.Policy is not null)
            {
                w = d.Start();
                w.WriteString("Policy"u8, bucket.Policy);
                yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketPolicy, bucket.Name);

                w = d.Start();
                w.WriteStartObject("PolicyStatus"u8);
                w.WriteBoolean("IsPublic"u8, bucket.IsPublic);
                w.WriteEndObject();
                yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketPolicyStatus, bucket.Name);
            }

            if (bucket.AccessBlock is { } block)
            {
                w = d.Start();
                w.WriteStartObject("PublicAccessBlockConfiguration"u8);
                w.WriteBoolean("BlockPublicAcls"u8, block.BlockPublicAcls);
                w.WriteBoolean("IgnorePublicAcls"u8, block.IgnorePublicAcls);
                w.WriteBoolean("BlockPublicPolicy"u8, block.BlockPublicPolicy);
                w.WriteBoolean("RestrictPublicBuckets"u8, block.RestrictPublicBuckets);
                w.WriteEndObject();
                yield return d.Finish(id, Regions.Global, AwsOperations.GetPublicAccessBlock, bucket.Name);
            }

            w = d.Start();
            Owner(w, account, owner);
            w.WriteStartArray("Grants"u8);
            w.WriteStartObject();
            w.WriteStartObject("Grantee"u8);
            w.WriteString("DisplayName"u8, account.Name);
            w.WriteString("ID"u8, owner);
            w.WriteString("Type"u8, "CanonicalUser");
            w.WriteEndObject();
            w.WriteString("Permission"u8, "FULL_CONTROL");
            w.WriteEndObject();
            w.WriteEndArray();
            yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketAcl, bucket.Name);

            w = d.Start();
            w.WriteStartObject("ServerSideEncryptionConfiguration"u8);
            w.WriteStartArray("Rules"u8);
            w.WriteStartObject();
            w.WriteStartObject("ApplyServerSideEncryptionByDefault"u8);
            w.WriteString("SSEAlgorithm"u8, bucket.KmsKeyArn is null ? "AES256" : "aws:kms");
            w.WriteOptional("KMSMasterKeyID"u8, bucket.KmsKeyArn);
            w.WriteEndObject();
            w.WriteBoolean("BucketKeyEnabled"u8, bucket.KmsKeyArn is not null);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketEncryption, bucket.Name);

            if (bucket.Versioning is not null)
            {
                w = d.Start();
                w.WriteString("Status"u8, bucket.Versioning);
                w.WriteString("MFADelete"u8, "Disabled");
                yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketVersioning, bucket.Name);
            }

            if (bucket.Tags.Count > 0)
            {
                w = d.Start();
                w.WriteTags("TagSet"u8, bucket.Tags);
                yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketTagging, bucket.Name);
            }
        }
    }

    private static void Owner(Utf8JsonWriter w, AccountPlan account, string canonicalId)
    {
        w.WriteStartObject("Owner"u8);
        w.WriteString("DisplayName"u8, account.Name);
        w.WriteString("ID"u8, canonicalId);
        w.WriteEndObject();
    }
}
