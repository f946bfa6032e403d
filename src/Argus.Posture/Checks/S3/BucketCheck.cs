using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.S3;

/// <summary>A check of every bucket in each account's <c>list-buckets</c> answer.</summary>
public abstract class BucketCheck : Check
{
    public override IEnumerable<CheckOutcome> Evaluate(PostureContext context)
    {
        foreach (var account in context.Accounts)
        {
            var list = context.Get(account, Regions.Global, AwsOperations.ListBuckets);
            if (list.Missing)
            {
                yield return Missing(list, AccountArn(account), account, Regions.Global);
                continue;
            }

            foreach (var bucket in PostureContext.Items(list))
            {
                var name = bucket.GetString("Name");
                if (name is null)
                {
                    continue;
                }

                var at = new BucketRef(account, name, Region(context, account, name));
                foreach (var outcome in Evaluate(context, at))
                {
                    yield return outcome;
                }
            }
        }
    }

    protected abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context, BucketRef bucket);

    /// <summary>The answer of a per-bucket operation, or the outcome to report when it is missing.</summary>
    protected static Lookup Read(PostureContext context, BucketRef bucket, AwsOperation op) => context.Get(bucket.Account, Regions.Global, op, bucket.Name);

    // GetBucketLocation prints null for us-east-1 and "EU" for the oldest eu-west-1 buckets.
    private static string Region(PostureContext context, string account, string bucket)
    {
        var location = context.Get(account, Regions.Global, AwsOperations.GetBucketLocation, bucket);
        if (!location.Found)
        {
            return Regions.Global;
        }

        return location.Root.TryGetProperty("LocationConstraint", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString() switch { null or "" => "us-east-1", "EU" => "eu-west-1", var r => r }
            : "us-east-1";
    }
}

/// <summary>A bucket being checked: owner account, name and region (or <c>global</c> when its location is unknown).</summary>
public sealed record BucketRef(string Account, string Name, string Region)
{
    public string Arn => $"arn:aws:s3:::{Name}";
}
