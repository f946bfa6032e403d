namespace Argus.Aws.Normalization.Organizations;

/// <summary>
/// Organizations ARNs share one shape, <c>arn:aws:organizations::&lt;management&gt;:&lt;kind&gt;/o-xxxx/&lt;id&gt;</c>
/// (<c>root</c>, <c>ou</c>, <c>account</c>; the organization itself is <c>organization/o-xxxx</c>), so relatives
/// can be named from any member's ARN.
/// </summary>
internal static class OrganizationArns
{
    /// <summary>The ARN of a root (<c>r-</c>) or OU (<c>ou-</c>) parent of the member; null when either does not fit.</summary>
    public static string? Parent(string childArn, string parentId)
    {
        var kind = parentId.StartsWith("r-", StringComparison.Ordinal) ? "root"
            : parentId.StartsWith("ou-", StringComparison.Ordinal) ? "ou"
            : null;
        return kind is not null && Split(childArn) is { } split ? $"{split.Prefix}{kind}/{split.OrganizationId}/{parentId}" : null;
    }

    /// <summary>The ARN of the organization a member belongs to.</summary>
    public static string? OrganizationOf(string memberArn) =>
        Split(memberArn) is { } split ? $"{split.Prefix}organization/{split.OrganizationId}" : null;

    /// <summary>"arn:aws:organizations::111111111111:" and "o-xxxx" from a member ARN.</summary>
    private static (string Prefix, string OrganizationId)? Split(string arn)
    {
        var colon = arn.LastIndexOf(':');
        if (colon < 0 || !arn.StartsWith("arn:", StringComparison.Ordinal) || !arn.Contains(":organizations:", StringComparison.Ordinal))
        {
            return null;
        }

        var resource = arn.AsSpan(colon + 1);
        var firstSlash = resource.IndexOf('/');
        if (firstSlash < 0)
        {
            return null;
        }

        var rest = resource[(firstSlash + 1)..];
        var secondSlash = rest.IndexOf('/');
        var organizationId = secondSlash < 0 ? rest : rest[..secondSlash];
        return organizationId.StartsWith("o-") ? (arn[..(colon + 1)], organizationId.ToString()) : null;
    }
}
