using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Identity;

namespace Argus.Synthetic.Documents;

/// <summary>
/// IAM answers. Policy documents are written as JSON objects, as the AWS CLI prints them after URL-decoding
/// what the API returns.
/// </summary>
internal static class IamDocuments
{
    public static IEnumerable<RawDocument> All(DocumentWriter d, IamAccount iam, DateTimeOffset now)
    {
        var id = iam.Account.Id;
        yield return AuthorizationDetails(d, iam);
        yield return d.List(id, Regions.Global, AwsOperations.ListUsers, iam.Users, (w, user) =>
        {
            UserHeader(w, user);
            if (user.PasswordLastUsed is { } used)
            {
                w.WriteTime("PasswordLastUsed"u8, used);
            }
        });
        yield return d.List(id, Regions.Global, AwsOperations.ListGroups, iam.Groups, GroupHeader);
        yield return d.List(id, Regions.Global, AwsOperations.ListRoles, iam.Roles, (w, role) =>
        {
            RoleHeader(w, role);
            w.WriteString("Description"u8, role.Description);
            w.WriteNumber("MaxSessionDuration"u8, 3600);
        });
        yield return d.List(id, Regions.Global, AwsOperations.ListPolicies, iam.CustomerPolicies, (w, policy) => PolicyHeader(w, iam, policy));
        yield return d.List(id, Regions.Global, AwsOperations.ListInstanceProfiles, iam.Roles.Where(r => r.Profile is not null), InstanceProfile);
        foreach (var user in iam.Users)
        {
            yield return d.List(id, Regions.Global, AwsOperations.ListAccessKeys, user.Keys, (w, key) =>
            {
                w.WriteString("UserName"u8, user.Name);
                w.WriteString("AccessKeyId"u8, key.Id);
                w.WriteString("Status"u8, key.Active ? "Active" : "Inactive");
                w.WriteTime("CreateDate"u8, key.Created);
            }, user.Name);
        }

        var w = d.Start();
        w.WriteString("Content"u8, Convert.ToBase64String(CredentialReport.Csv(iam)));
        w.WriteString("ReportFormat"u8, "text/csv");
        w.WriteTime("GeneratedTime"u8, now.AddMinutes(-3));
        yield return d.Finish(id, Regions.Global, AwsOperations.GetCredentialReport);

        yield return Summary(d, iam);
        if (iam.HasPasswordPolicy)
        {
            w = d.Start();
            w.WriteStartObject("PasswordPolicy"u8);
            w.WriteNumber("MinimumPasswordLength"u8, 14);
            w.WriteBoolean("RequireSymbols"u8, true);
            w.WriteBoolean("RequireNumbers"u8, true);
            w.WriteBoolean("RequireUppercaseCharacters"u8, true);
            w.WriteBoolean("RequireLowercaseCharacters"u8, true);
            w.WriteBoolean("AllowUsersToChangePassword"u8, true);
            w.WriteBoolean("ExpirePasswords"u8, true);
            w.WriteNumber("MaxPasswordAge"u8, 90);
            w.WriteNumber("PasswordReusePrevention"u8, 24);
            w.WriteBoolean("HardExpiry"u8, false);
            w.WriteEndObject();
            yield return d.Finish(id, Regions.Global, AwsOperations.GetAccountPasswordPolicy);
        }
    }

    private static RawDocument AuthorizationDetails(DocumentWriter d, IamAccount iam)
    {
        var w = d.Start();
        w.WriteObjects("UserDetailList"u8, iam.Users, user =>
        {
            UserHeader(w, user);
            w.WriteStrings("GroupList"u8, user.Groups);
            Attached(w, user.Attached);
            w.WriteTags(user.Tags);
        });
        w.WriteObjects("GroupDetailList"u8, iam.Groups, group =>
        {
            GroupHeader(w, group);
            w.WriteEmptyArray("GroupPolicyList"u8);
            Attached(w, group.Attached);
        });
        w.WriteObjects("RoleDetailList"u8, iam.Roles, role =>
        {
            RoleHeader(w, role);
            w.WriteStartArray("InstanceProfileList"u8);
            if (role.Profile is not null)
            {
                w.WriteStartObject();
                InstanceProfile(w, role);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEmptyArray("RolePolicyList"u8);
            Attached(w, role.Attached);
            w.WriteTags(role.Tags);
            w.WriteStartObject("RoleLastUsed"u8);
            if (role.LastUsed is { } used)
            {
                w.WriteTime("LastUsedDate"u8, used);
                w.WriteString("Region"u8, role.LastUsedRegion);
            }

            w.WriteEndObject();
        });
        w.WriteObjects("Policies"u8, iam.AttachedPolicies, policy =>
        {
            PolicyHeader(w, iam, policy);
            w.WriteStartArray("PolicyVersionList"u8);
            w.WriteStartObject();
            w.WritePropertyName("Document"u8);
            w.WriteRawValue(policy.Document);
            w.WriteString("VersionId"u8, policy.DefaultVersion);
            w.WriteBoolean("IsDefaultVersion"u8, true);
            w.WriteTime("CreateDate"u8, policy.Updated);
            w.WriteEndObject();
            w.WriteEndArray();
        });
        return d.Finish(iam.Account.Id, Regions.Global, AwsOperations.GetAccountAuthorizationDetails);
    }

    private static void UserHeader(Utf8JsonWriter w, IamUser user)
    {
        w.WriteString("Path"u8, "/");
        w.WriteString("UserName"u8, user.Name);
        w.WriteString("UserId"u8, user.Id);
        w.WriteString("Arn"u8, user.Arn);
        w.WriteTime("CreateDate"u8, user.Created);
    }

    private static void GroupHeader(Utf8JsonWriter w, IamGroup group)
    {
        w.WriteString("Path"u8, "/");
        w.WriteString("GroupName"u8, group.Name);
        w.WriteString("GroupId"u8, group.Id);
        w.WriteString("Arn"u8, group.Arn);
        w.WriteTime("CreateDate"u8, group.Created);
    }

    private static void RoleHeader(Utf8JsonWriter w, IamRole role)
    {
        w.WriteString("Path"u8, role.Path);
        w.WriteString("RoleName"u8, role.Name);
        w.WriteString("RoleId"u8, role.Id);
        w.WriteString("Arn"u8, role.Arn);
        w.WriteTime("CreateDate"u8, role.Created);
        w.WritePropertyName("AssumeRolePolicyDocument"u8);
        w.WriteRawValue(role.TrustPolicy);
    }

    private static void PolicyHeader(Utf8JsonWriter w, IamAccount iam, IamPolicy policy)
    {
        w.WriteString("PolicyName"u8, policy.Name);
        w.WriteString("PolicyId"u8, policy.Id);
        w.WriteString("Arn"u8, policy.Arn);
        w.WriteString("Path"u8, policy.Path);
        w.WriteString("DefaultVersionId"u8, policy.DefaultVersion);
        w.WriteNumber("AttachmentCount"u8, iam.AttachmentCount(policy));
        w.WriteNumber("PermissionsBoundaryUsageCount"u8, 0);
        w.WriteBoolean("IsAttachable"u8, true);
        w.WriteTime("CreateDate"u8, policy.Created);
        w.WriteTime("UpdateDate"u8, policy.Updated);
    }

    private static void Attached(Utf8JsonWriter w, IReadOnlyList<IamPolicy> policies)
    {
        w.WriteObjects("AttachedManagedPolicies"u8, policies, policy =>
        {
            w.WriteString("PolicyName"u8, policy.Name);
            w.WriteString("PolicyArn"u8, policy.Arn);
        });
    }

    /// <summary>An instance profile's members, with its role inside as IAM nests it.</summary>
    private static void InstanceProfile(Utf8JsonWriter w, IamRole role)
    {
        var profile = role.Profile!;
        w.WriteString("Path"u8, "/");
        w.WriteString("InstanceProfileName"u8, profile.Name);
        w.WriteString("InstanceProfileId"u8, profile.Id);
        w.WriteString("Arn"u8, profile.Arn);
        w.WriteTime("CreateDate"u8, profile.Created);
        w.WriteStartArray("Roles"u8);
        w.WriteStartObject();
        RoleHeader(w, role);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static RawDocument Summary(DocumentWriter d, IamAccount iam)
    {
        var mfaDevices = iam.Users.Count(u => u.Mfa) + (iam.RootMfa ? 1 : 0);
        var customerAttachments = iam.CustomerPolicies.Sum(iam.AttachmentCount);
        (string Key, int Value)[] entries =
        [
            ("GroupPolicySizeQuota", 5120), ("InstanceProfilesQuota", 1000), ("Policies", iam.CustomerPolicies.Count),
            ("GroupsPerUserQuota", 10), ("InstanceProfiles", iam.InstanceProfiles.Count()), ("AttachedPoliciesPerUserQuota", 10),
            ("Users", iam.Users.Count), ("PoliciesQuota", 1500), ("Providers", iam.Providers), ("AccountMFAEnabled", iam.RootMfa ? 1 : 0),
            ("AccessKeysPerUserQuota", 2), ("AssumeRolePolicySizeQuota", 2048), ("PolicyVersionsInUseQuota", 10000),
            ("GlobalEndpointTokenVersion", 1), ("VersionsPerPolicyQuota", 5), ("AttachedPoliciesPerGroupQuota", 10),
            ("PolicySizeQuota", 6144), ("Groups", iam.Groups.Count), ("AccountSigningCertificatesPresent", 0), ("UsersQuota", 5000),
            ("ServerCertificatesQuota", 20), ("MFADevices", mfaDevices), ("UserPolicySizeQuota", 2048),
            ("PolicyVersionsInUse", customerAttachments), ("ServerCertificates", 0), ("Roles", iam.Roles.Count), ("RolesQuota", 1000),
            ("SigningCertificatesPerUserQuota", 2), ("MFADevicesInUse", mfaDevices), ("RolePolicySizeQuota", 10240),
            ("AttachedPoliciesPerRoleQuota", 10), ("AccountAccessKeysPresent", 0), ("GroupsQuota", 300),
        ];
        var w = d.Start();
        w.WriteStartObject("SummaryMap"u8);
        foreach (var (key, value) in entries)
        {
            w.WriteNumber(key, value);
        }

        w.WriteEndObject();
        return d.Finish(iam.Account.Id, Regions.Global, AwsOperations.GetAccountSummary);
    }
}
