namespace Argus.Posture.Checks.S3;

internal static class S3Remediations
{
    public const string BlockPublicAccessCfn = """
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }
        """;

    public const string BlockPublicAccessTf = """
        resource "aws_s3_bucket_public_access_block" "this" {
          bucket                  = aws_s3_bucket.this.id
          block_public_acls       = true
          ignore_public_acls      = true
          block_public_policy     = true
          restrict_public_buckets = true
        }
        """;
}
