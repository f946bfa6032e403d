using Argus.Core.Model;
using Argus.Synthetic.Identity;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Storage;

/// <summary>Each account's buckets: log archives, application data, artifacts, and the planted public bucket.</summary>
internal static class BucketPlanner
{
    public const string PublicBucketPurpose = "marketing-assets";

    public static string Name(OrgPlan org, AccountPlan account, string purpose) => $"{org.Company}-{account.Prefix}-{purpose}";

    public static string AppData(OrgPlan org, AccountPlan account) => Name(org, account, "app-data");

    public static IReadOnlyList<BucketModel> For(OrgPlan org, AccountPlan account)
    {
        var random = org.Random(account, Regions.Global, "buckets");
        var home = org.Regions[0].Name;
        var list = new List<BucketModel>();
        Tag[] Tags(string purpose) =>
            account.Role == AccountRole.Workload
                ? [new("environment", account.Environment), new("purpose", purpose), new("managed-by", "terraform")]
                : [new("environment", "shared"), new("purpose", purpose), new("managed-by", "terraform")];

        if (account == org.LogArchive)
        {
            var flowLogs = org.LogBucket;
            list.Add(new BucketModel(flowLogs, home, account.Joined.AddDays(3), FlowLogsPolicy(flowLogs, org.OrganizationId), false, PublicAccessBlock.On, null, "Enabled", Tags("vpc-flow-logs")));
            var trail = Name(org, account, "cloudtrail");
            list.Add(new BucketModel(trail, home, account.Joined.AddDays(3), CloudTrailPolicy(trail, org.OrganizationId), false, PublicAccessBlock.On, null, "Enabled", Tags("cloudtrail")));
        }

        switch (account.Role)
        {
            case AccountRole.Management:
                list.Add(new BucketModel(Name(org, account, "cost-reports"), home, account.Joined.AddDays(30), null, false, PublicAccessBlock.On, null, null, Tags("billing")));
                break;
            case AccountRole.Workload:
                var appData = AppData(org, account);
                list.Add(new BucketModel(
                    appData, home, account.Joined.AddDays(10), DenyInsecureTransport(appData), false, PublicAccessBlock.On,
                    $"arn:aws:kms:{home}:{account.Id}:key/{org.Ids(account, home).Uuid("kms-data", 0)}", "Enabled", Tags("application data")));
                list.Add(new BucketModel(Name(org, account, "artifacts"), home, account.Joined.AddDays(12), null, false, PublicAccessBlock.On, null, "Suspended", []));
                break;
        }

        if (account == org.FirstProduction)
        {
            var name = Name(org, account, PublicBucketPurpose);
            list.Add(new BucketModel(name, home, account.Joined.AddDays(200), PublicRead(name), true, PublicAccessBlock.Off, null, null, Tags("website images")));
        }

        for (var k = 1; k <= org.Preset.BucketsPerAccount; k++)
        {
            var name = Name(org, account, $"data-{k}");
            var region = org.Regions[random.Next(org.Regions.Count)].Name;
            var policy = random.Chance(0.5) ? DenyInsecureTransport(name) : null;
            list.Add(new BucketModel(
                name, region, random.Between(account.Joined.AddDays(30), org.Now.AddDays(-30)), policy, false, PublicAccessBlock.On, null,
                random.Chance(0.6) ? "Enabled" : null, random.Chance(0.7) ? Tags("data") : []));
        }

        return list;
    }

    private static string DenyInsecureTransport(string bucket) =>
        $$"""{"Version":"2012-10-17","Statement":[{{DenyInsecureStatement(bucket)}}]}""";

    private static string DenyInsecureStatement(string bucket) =>
        PolicyText.Fill("""{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::%0%","arn:aws:s3:::%0%/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}""", bucket);

    private static string PublicRead(string bucket) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"PublicReadGetObject","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";

    private static string FlowLogsPolicy(string bucket, string organizationId) =>
        PolicyText.Fill("""{"Version":"2012-10-17","Statement":[{"Sid":"AWSLogDeliveryWrite","Effect":"Allow","Principal":{"Service":"delivery.logs.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::%0%/AWSLogs/*","Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control","aws:SourceOrgID":"%1%"}}},{"Sid":"AWSLogDeliveryAclCheck","Effect":"Allow","Principal":{"Service":"delivery.logs.amazonaws.com"},"Action":["s3:GetBucketAcl","s3:ListBucket"],"Resource":"arn:aws:s3:::%0%","Condition":{"StringEquals":{"aws:SourceOrgID":"%1%"}}},%2%]}""", bucket, organizationId, DenyInsecureStatement(bucket));

    private static string CloudTrailPolicy(string bucket, string organizationId) =>
        PolicyText.Fill("""{"Version":"2012-10-17","Statement":[{"Sid":"AWSCloudTrailAclCheck","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:GetBucketAcl","Resource":"arn:aws:s3:::%0%"},{"Sid":"AWSCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::%0%/AWSLogs/%1%/*","Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}},%2%]}""", bucket, organizationId, DenyInsecureStatement(bucket));
}
