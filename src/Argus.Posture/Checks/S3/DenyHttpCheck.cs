using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.S3;

/// <summary>CIS: the bucket policy denies requests not made over TLS (aws:SecureTransport false, or s3:TlsVersion below a version).</summary>
public sealed class DenyHttpCheck : BucketCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.s3.deny-http", "Bucket policies deny HTTP requests", Severity.Medium, "s3", "aws.s3.bucket",
        "S3 accepts plain HTTP unless the bucket policy denies requests where aws:SecureTransport is false.",
        "Objects and credentials-signed requests can be read or altered on the network path.",
        new("aws s3api put-bucket-policy --bucket BUCKET --policy '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyHttp\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::BUCKET\",\"arn:aws:s3:::BUCKET/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}'",
            """
            BucketPolicy:
              Type: AWS::S3::BucketPolicy
              Properties:
                Bucket: !Ref Bucket
                PolicyDocument:
                  Statement:
                    - { Effect: Deny, Principal: "*", Action: "s3:*", Resource: [!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }
            """,
            """
            data "aws_iam_policy_document" "deny_http" {
              statement {
                effect    = "Deny"
                actions   = ["s3:*"]
                resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
                principals { type = "*", identifiers = ["*"] }
                condition { test = "Bool", variable = "aws:SecureTransport", values = ["false"] }
              }
            }
            """),
        ["https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule"],
        [AwsOperations.ListBuckets, AwsOperations.GetBucketPolicy]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, BucketRef bucket)
    {
        var policy = Read(context, bucket, AwsOperations.GetBucketPolicy);
        if (policy.Missing)
        {
            yield return Missing(policy, bucket.Arn, bucket.Account, bucket.Region);
            yield break;
        }

        if (!policy.Found)
        {
            yield return Fail(bucket.Arn, bucket.Account, bucket.Region, $"{bucket.Name} has no bucket policy, so HTTP is allowed.", new { bucket = bucket.Name, policy = (string?)null });
            yield break;
        }

        var denies = policy.Root.TryGetProperty("Policy", out var text) ? PolicyDocument.Statements(text).Where(DeniesInsecureTransport).ToList() : [];
        yield return Verdict(denies.Count > 0, bucket.Arn, bucket.Account, bucket.Region,
            $"{bucket.Name}'s policy denies HTTP.", $"{bucket.Name}'s policy does not deny HTTP (no Deny on aws:SecureTransport false).",
            new { bucket = bucket.Name, denyStatements = denies.Select(s => s.GetString("Sid")) });
    }

    internal static bool DeniesInsecureTransport(JsonElement statement)
    {
        if (!PolicyDocument.IsDeny(statement) || !PolicyDocument.PrincipalIsEveryone(statement) || statement.GetObject("Condition") is not { } condition)
        {
            return false;
        }

        var actions = PolicyDocument.Values(statement, "Action");
        if (!actions.Any(a => a is "s3:*" or "*"))
        {
            return false;
        }

        foreach (var test in condition.EnumerateObject())
        {
            if (test.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var key in test.Value.EnumerateObject())
            {
                var values = key.Value.ValueKind == JsonValueKind.Array ? key.Value.EnumerateArray().Select(v => v.ToString()).ToList() : [key.Value.ToString()];
                if (test.Name == "Bool" && key.Name.Equals("aws:SecureTransport", StringComparison.OrdinalIgnoreCase) && values.Contains("false", StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (test.Name == "NumericLessThan" && key.Name.Equals("s3:TlsVersion", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
