using Argus.Core.Permissions;
using static Argus.Aws.Permissions.Catalog.Declare;
using F = Argus.Core.Permissions.Features;

namespace Argus.Aws.Permissions.Catalog;

/// <summary>Who Argus is, which accounts it reaches, and the identities (IAM) and organization it assesses.</summary>
internal static class IdentityPermissions
{
    private static readonly string[] Iam = [F.Inventory, F.Posture];
    private static readonly string[] Org = [F.Inventory, F.Posture];

    public static IReadOnlyList<Permission> All { get; } =
    [
        Read("sts:GetCallerIdentity", [F.Inventory, F.VmScan], "Confirms which account and principal the credentials belong to before anything is collected or scanned (needs no permission, listed for completeness)"),

        // IAM calls this Write because it issues credentials; it changes no resource, so Argus files it under reads.
        Read("sts:AssumeRole", [F.Inventory], "Only with --org: assumes the Argus role (the same role name) in each member account found through Organizations; the generated policy allows only that role name", required: false),

        Read("organizations:DescribeOrganization", Org, "Reads the organization id and management account so accounts are grouped under their organization", required: false),
        Read("organizations:ListRoots", Org, "Reads the organization root to walk the account tree", required: false),
        Read("organizations:ListOrganizationalUnitsForParent", Org, "Walks the organizational units to place each account in the tree", required: false),
        Read("organizations:ListAccountsForParent", Org, "Lists the accounts under each organizational unit", required: false),
        Read("organizations:ListAccounts", Org, "Lists every account of the organization, to collect each of them with --org", required: false),
        Read("organizations:DescribeAccount", Org, "Reads an account's name, email domain and status", required: false),
        Read("organizations:ListPolicies", [F.Posture], "Lists service control and other organization policies, which cap every permission in member accounts", required: false),
        Read("organizations:DescribePolicy", [F.Posture], "Reads each organization policy's content (e.g. SCP statements) to evaluate effective permissions", required: false),
        Read("organizations:ListTargetsForPolicy", [F.Posture], "Reads where each organization policy is attached", required: false),
        Read("organizations:ListPoliciesForTarget", [F.Posture], "Reads which organization policies apply to an account or unit", required: false),
        Read("organizations:ListDelegatedAdministrators", [F.Posture], "Reads which member accounts administer security services for the organization", required: false),
        Read("organizations:ListAWSServiceAccessForOrganization", [F.Posture], "Reads which AWS services are trusted to act across the organization", required: false),

        Read("account:GetContactInformation", [F.Posture], "Reads whether the account has contact details (CIS: maintain current contact details); the details themselves are not reported", required: false),
        Read("account:GetAlternateContact", [F.Posture], "Reads whether a security alternate contact is registered (CIS: security contact information)", required: false),
        Read("account:ListRegions", [F.Inventory, F.Posture], "Lists regions with their opt-in status so disabled regions are reported as not collected rather than silently skipped", required: false),

        Read("iam:GetAccountAuthorizationDetails", Iam, "Reads users, groups, roles, their policies and trust relationships in one paginated call: the base of the identity graph"),
        Read("iam:ListUsers", Iam, "Lists IAM users to attach access keys, MFA devices and policies to each of them"),
        Read("iam:ListGroups", Iam, "Lists IAM groups, through which users inherit policies"),
        Read("iam:ListRoles", Iam, "Lists IAM roles and their trust policies: who can assume what, across accounts"),
        Read("iam:ListPolicies", Iam, "Lists customer and AWS managed policies attached in the account"),
        Read("iam:GetPolicy", [F.Posture], "Reads a managed policy's default version id and attachment count"),
        Read("iam:GetPolicyVersion", [F.Posture], "Reads a managed policy document to evaluate what it allows"),
        Read("iam:ListPolicyVersions", [F.Posture], "Lists the versions of a managed policy to find the default one", required: false),
        Read("iam:ListEntitiesForPolicy", [F.Posture], "Reads which users, groups and roles a managed policy is attached to", required: false),
        Read("iam:ListInstanceProfiles", Iam, "Lists instance profiles, which tie EC2 instances to roles"),
        Read("iam:ListAccessKeys", [F.Posture], "Reads access key ids, status and creation dates (never the secret) to find old and unused keys"),
        Read("iam:ListMFADevices", [F.Posture], "Reads whether each user has an MFA device", required: false),
        Read("iam:ListVirtualMFADevices", [F.Posture], "Reads virtual MFA devices to tell hardware MFA from virtual MFA on the root user", required: false),
        Read("iam:GenerateCredentialReport", [F.Posture], "Asks IAM to refresh the credential report (a report about credentials, not the credentials); IAM files it as a read"),
        Read("iam:GetCredentialReport", [F.Posture], "Reads the credential report: password and key age, last use and MFA of every user including root"),
        Read("iam:GetAccountSummary", [F.Posture], "Reads account-wide IAM counters, e.g. whether the root user has MFA or access keys"),
        Read("iam:SimulatePrincipalPolicy", [F.Inventory], "Lets the self-check (argus doctor aws) ask IAM which catalog actions the scanning role may call, without calling them", required: false),
        Read("iam:GetAccountPasswordPolicy", [F.Posture], "Reads the password policy to check it against CIS requirements"),
        Read("iam:ListServerCertificates", [F.Posture], "Lists server certificates stored in IAM to find expired ones", required: false),
        Read("access-analyzer:ListAnalyzers", [F.Posture], "Reads whether IAM Access Analyzer is enabled in each region (CIS)", required: false),
        Read("access-analyzer:ListFindings", [F.Posture], "Reads Access Analyzer findings on resources shared outside the account or organization", required: false),
    ];
}
