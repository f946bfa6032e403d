using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Argus.Aws.Onboarding;

/// <summary>What a cross-account role template needs besides its policies.</summary>
/// <param name="TrustedPrincipal">The ARN allowed to assume the role (an account root ARN or a role/user ARN).</param>
/// <param name="ExternalId">The value the caller must pass as sts:ExternalId.</param>
/// <param name="RequireMfa">Also require aws:MultiFactorAuthPresent (only for people assuming the role by hand).</param>
/// <param name="Organization">Render for a service-managed StackSet deployed to every member account.</param>
public sealed partial record RoleTemplateOptions(string TrustedPrincipal, string ExternalId, bool RequireMfa, bool Organization)
{
    /// <summary>The principal ARN for a 12-digit account id or an IAM ARN, validated.</summary>
    /// <exception cref="ArgumentException">Neither an account id nor an IAM principal ARN.</exception>
    public static string PrincipalFrom(string accountOrArn)
    {
        if (AccountId().IsMatch(accountOrArn))
        {
            return $"arn:aws:iam::{accountOrArn}:root";
        }

        if (PrincipalArn().IsMatch(accountOrArn))
        {
            return accountOrArn;
        }

        throw new ArgumentException($"'{accountOrArn}' is neither a 12-digit AWS account id nor an IAM principal ARN (arn:aws:iam::123456789012:role/Name)");
    }

    /// <summary>Checks an external id against STS's rules (2 to 1,224 characters of [\w+=,.@:/-]).</summary>
    /// <exception cref="ArgumentException">The value would be rejected by STS.</exception>
    public static string ValidExternalId(string externalId) =>
        ExternalIdPattern().IsMatch(externalId)
            ? externalId
            : throw new ArgumentException($"external id '{externalId}' is invalid: STS accepts 2 to 1224 characters of letters, digits and +=,.@:/-");

    /// <summary>A fresh unguessable external id (128 random bits, hex).</summary>
    public static string NewExternalId() => "argus-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Checks a role name against IAM's rules.</summary>
    /// <exception cref="ArgumentException">IAM would reject the name.</exception>
    public static string ValidRoleName(string name) =>
        RoleNamePattern().IsMatch(name)
            ? name
            : throw new ArgumentException($"role name '{name}' is invalid: IAM accepts 1 to 64 characters of letters, digits and +=,.@_-");

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:iam::\d{12}:(root|(role|user)/[\w+=,.@/-]+)$")]
    private static partial Regex PrincipalArn();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();
}
