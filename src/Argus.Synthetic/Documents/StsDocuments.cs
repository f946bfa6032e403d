using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Identity;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Documents;

/// <summary>STS: who the collection ran as in each account (Argus's role, assumed with session name <c>argus</c>).</summary>
internal static class StsDocuments
{
    public static RawDocument CallerIdentity(DocumentWriter d, OrgPlan org, AccountPlan account)
    {
        var w = d.Start();
        w.WriteString("UserId"u8, $"{org.Ids(account, Regions.Global).Iam("AROA", IamPlanner.ScannerRole)}:argus");
        w.WriteString("Account"u8, account.Id);
        w.WriteString("Arn"u8, $"arn:aws:sts::{account.Id}:assumed-role/{IamPlanner.ScannerRole}/argus");
        return d.Finish(account.Id, Regions.Global, AwsOperations.GetCallerIdentity);
    }
}
