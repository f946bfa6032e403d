using System.Text.RegularExpressions;

namespace Argus.Aws.CliImport;

/// <summary>The shapes of AWS account ids, region names, availability zone names and ARNs.</summary>
internal static partial class AwsNames
{
    /// <summary>A 12-digit account id.</summary>
    public static bool IsAccountId(string? value) => value is not null && AccountId().IsMatch(value);

    /// <summary>A region name such as <c>us-east-2</c>, <c>eu-central-1</c>, <c>us-gov-west-1</c>.</summary>
    public static bool IsRegionName(string? value) => value is not null && RegionName().IsMatch(value);

    /// <summary>
    /// The region of an availability zone name: <c>us-east-2b</c>, a Local Zone <c>us-west-2-lax-1a</c> or a
    /// Wavelength Zone <c>us-east-1-wl1-bos-wlz-1</c> all begin with their region.
    /// </summary>
    public static string? RegionOfZone(string? zone)
    {
        if (zone is null)
        {
            return null;
        }

        var match = ZoneName().Match(zone);
        return match.Success ? match.Groups["region"].Value : null;
    }

    /// <summary>Account and region of an ARN (<c>arn:partition:service:region:account:resource</c>); either may be null.</summary>
    public static (string? Account, string? Region) ParseArn(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var parts = arn.Split(':', 6);
        if (parts.Length < 6)
        {
            return (null, null);
        }

        return (IsAccountId(parts[4]) ? parts[4] : null, IsRegionName(parts[3]) ? parts[3] : null);
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[a-z]{2}(?:-[a-z]+)+-\d+$")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"^(?<region>[a-z]{2}(?:-[a-z]+)+-\d+)(?:[a-z]|-[a-z0-9-]+)$")]
    private static partial Regex ZoneName();
}
