using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Storage;

namespace Argus.Synthetic.Documents;

/// <summary>
/// Account-wide posture answers: IAM server certificates (an expired one in the first production account), the root
/// user's MFA (hardware in the management account, so no virtual device there; virtual elsewhere), the account's
/// Block Public Access (missing in the first development account and in the account with the public bucket),
/// contacts (a security contact in management and production accounts only), regions, and S3 server access logging
/// for versioned buckets (the others have none, which stores nothing).
/// </summary>
internal static class AccountPostureDocuments
{
    // Opt-in regions the accounts have not enabled; account:ListRegions lists them as DISABLED.
    private static readonly string[] OptInRegions = ["af-south-1", "ap-east-1", "ap-south-2", "eu-south-1", "me-south-1"];

    public static IEnumerable<RawDocument> All(DocumentWriter d, OrgPlan org, AccountPlan account, IReadOnlyList<BucketModel> buckets)
    {
        var id = account.Id;
        var ids = org.Ids(account, Regions.Global);
        var certificates = account == org.FirstProduction ? new[] { $"{account.Prefix}-legacy-tls" } : [];
        yield return d.List(id, Regions.Global, AwsOperations.ListServerCertificates, certificates, (w, name) =>
        {
            w.WriteString("Path"u8, "/");
            w.WriteString("ServerCertificateName"u8, name);
            w.WriteString("ServerCertificateId"u8, ids.Iam("ASCA", name));
            w.WriteString("Arn"u8, $"arn:aws:iam::{id}:server-certificate/{name}");
            w.WriteTime("UploadDate"u8, org.Now.AddDays(-800));
            w.WriteTime("Expiration"u8, org.Now.AddDays(-35));
        });

        var rootHasVirtualMfa = account != org.Management;
        yield return d.List(id, Regions.Global, AwsOperations.ListVirtualMFADevices, rootHasVirtualMfa ? new[] { "root-account-mfa-device" } : [], (w, device) =>
        {
            w.WriteString("SerialNumber"u8, $"arn:aws:iam::{id}:mfa/{device}");
            w.WriteStartObject("User"u8);
            w.WriteString("Path"u8, "/");
            w.WriteString("UserName"u8, "root");
            w.WriteString("UserId"u8, id);
            w.WriteString("Arn"u8, $"arn:aws:iam::{id}:root");
            w.WriteTime("CreateDate"u8, account.Joined);
            w.WriteEndObject();
            w.WriteTime("EnableDate"u8, account.Joined.AddDays(1));
        });

        // An account-wide block would make the planted public bucket private, so the account holding it has none.
        if (account != org.FirstDevelopment && !buckets.Any(b => b.IsPublic))
        {
            var w = d.Start();
            w.WriteStartObject("PublicAccessBlockConfiguration"u8);
            w.WriteBoolean("BlockPublicAcls"u8, true);
            w.WriteBoolean("IgnorePublicAcls"u8, true);
            w.WriteBoolean("BlockPublicPolicy"u8, true);
            w.WriteBoolean("RestrictPublicBuckets"u8, true);
            w.WriteEndObject();
            yield return d.Finish(id, Regions.Global, AwsOperations.GetAccountPublicAccessBlock);
        }

        if (account == org.Management || account.IsProduction)
        {
            var w = d.Start();
            w.WriteStartObject("AlternateContact"u8);
            w.WriteString("AlternateContactType"u8, "SECURITY");
            w.WriteString("EmailAddress"u8, $"security@{org.Company}.example");
            w.WriteString("Name"u8, "Security Operations");
            w.WriteString("PhoneNumber"u8, "+1-555-0100");
            w.WriteString("Title"u8, "Security team");
            w.WriteEndObject();
            yield return d.Finish(id, Regions.Global, AwsOperations.GetAlternateContact);
        }

        var contact = d.Start();
        contact.WriteStartObject("ContactInformation"u8);
        contact.WriteString("AddressLine1"u8, "100 Main Street");
        contact.WriteString("City"u8, "Seattle");
        contact.WriteString("CompanyName"u8, "Acme Corporation");
        contact.WriteString("CountryCode"u8, "US");
        contact.WriteString("FullName"u8, "Cloud Platform Team");
        contact.WriteString("PhoneNumber"u8, "+1-555-0199");
        contact.WriteString("PostalCode"u8, "98101");
        contact.WriteString("StateOrRegion"u8, "WA");
        contact.WriteString("WebsiteUrl"u8, $"https://{org.Company}.example");
        contact.WriteEndObject();
        yield return d.Finish(id, Regions.Global, AwsOperations.GetContactInformation);

        var regions = org.Regions.Select(r => (r.Name, Status: "ENABLED_BY_DEFAULT"))
            .Concat(OptInRegions.Where(o => org.Regions.All(r => r.Name != o)).Select(o => (Name: o, Status: "DISABLED")))
            .OrderBy(r => r.Name, StringComparer.Ordinal);
        yield return d.List(id, Regions.Global, AwsOperations.ListAccountRegions, regions, (w, region) =>
        {
            w.WriteString("RegionName"u8, region.Name);
            w.WriteString("RegionOptStatus"u8, region.Status);
        });

        // A bucket without access logging answers an empty status; like versioning never enabled, nothing is stored.
        foreach (var bucket in buckets.Where(b => b.Versioning is not null))
        {
            var w = d.Start();
            w.WriteStartObject("LoggingEnabled"u8);
            w.WriteString("TargetBucket"u8, org.LogBucket);
            w.WriteString("TargetPrefix"u8, $"s3-access/{bucket.Name}/");
            w.WriteEndObject();
            yield return d.Finish(id, Regions.Global, AwsOperations.GetBucketLogging, bucket.Name);
        }
    }
}
