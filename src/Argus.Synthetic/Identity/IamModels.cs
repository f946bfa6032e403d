using Argus.Synthetic.Organization;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Identity;

/// <summary>A managed policy, AWS's or the account's own; <paramref name="Document"/> is its JSON text.</summary>
internal sealed record IamPolicy(string Name, string Id, string Arn, string Path, bool AwsManaged, string Document, string DefaultVersion, DateTimeOffset Created, DateTimeOffset Updated);

internal sealed record IamAccessKey(string Id, bool Active, DateTimeOffset Created, DateTimeOffset? LastUsed, string? LastUsedRegion, string? LastUsedService);

/// <summary>An IAM user; one with <paramref name="PasswordChanged"/> set can sign in to the console.</summary>
internal sealed record IamUser(
    string Name,
    string Id,
    string Arn,
    DateTimeOffset Created,
    DateTimeOffset? PasswordChanged,
    DateTimeOffset? PasswordLastUsed,
    bool Mfa,
    IReadOnlyList<string> Groups,
    IReadOnlyList<IamPolicy> Attached,
    IReadOnlyList<IamAccessKey> Keys,
    IReadOnlyList<Tag> Tags)
{
    public bool Console => PasswordChanged is not null;
}

internal sealed record IamGroup(string Name, string Id, string Arn, DateTimeOffset Created, IReadOnlyList<IamPolicy> Attached);

internal sealed record IamInstanceProfile(string Name, string Id, string Arn, DateTimeOffset Created);

/// <summary>An IAM role; <paramref name="TrustPolicy"/> is the JSON text of its trust policy.</summary>
internal sealed record IamRole(
    string Name,
    string Id,
    string Arn,
    string Path,
    DateTimeOffset Created,
    string TrustPolicy,
    string Description,
    IReadOnlyList<IamPolicy> Attached,
    IamInstanceProfile? Profile,
    DateTimeOffset? LastUsed,
    string? LastUsedRegion,
    IReadOnlyList<Tag> Tags);

/// <summary>Everything IAM knows about one account, the root user included.</summary>
internal sealed record IamAccount(
    AccountPlan Account,
    IReadOnlyList<IamUser> Users,
    IReadOnlyList<IamGroup> Groups,
    IReadOnlyList<IamRole> Roles,
    IReadOnlyList<IamPolicy> CustomerPolicies,
    bool RootMfa,
    DateTimeOffset? RootPasswordLastUsed,
    bool HasPasswordPolicy,
    int Providers)
{
    /// <summary>Managed policies attached to anything, AWS's and the account's, each once, customer policies first.</summary>
    public IReadOnlyList<IamPolicy> AttachedPolicies { get; } =
        CustomerPolicies
            .Concat(Users.SelectMany(u => u.Attached).Concat(Groups.SelectMany(g => g.Attached)).Concat(Roles.SelectMany(r => r.Attached)).Where(p => p.AwsManaged))
            .DistinctBy(p => p.Arn)
            .ToList();

    public int AttachmentCount(IamPolicy policy) =>
        Users.Count(u => u.Attached.Contains(policy)) + Groups.Count(g => g.Attached.Contains(policy)) + Roles.Count(r => r.Attached.Contains(policy));

    public IEnumerable<IamInstanceProfile> InstanceProfiles => Roles.Where(r => r.Profile is not null).Select(r => r.Profile!);
}
