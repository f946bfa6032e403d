using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;

namespace Argus.Aws.CliImport;

/// <summary>
/// What one answer says about the account and region it came from. Only fields that describe the answer's own
/// resources count: an item's <c>OwnerId</c> and <c>...Arn</c>, availability zone names anywhere, and
/// <c>Account</c> of <c>sts get-caller-identity</c>. References to other accounts (security group pairs,
/// peering requesters) are not read, and a majority decides, so shared resources do not mislead.
/// </summary>
internal sealed class ScopeHints
{
    public Tally Accounts { get; } = new();

    public Tally Regions { get; } = new();

    /// <summary>The account <c>sts get-caller-identity</c> answered with: it settles the question.</summary>
    public string? CallerAccount { get; private set; }

    /// <summary>Availability zone ids (<c>use2-az2</c>) seen, resolved to regions once every file is read.</summary>
    public Dictionary<string, int> ZoneIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Zone id to region, from a <c>describe-availability-zones</c> answer.</summary>
    public Dictionary<string, string> ZoneIdRegions { get; } = new(StringComparer.Ordinal);

    public static ScopeHints Read(JsonElement root, AwsOperation operation)
    {
        var hints = new ScopeHints();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return hints;
        }

        if (operation == AwsOperations.GetCallerIdentity && AwsNames.IsAccountId(root.GetString("Account")))
        {
            hints.CallerAccount = root.GetString("Account");
        }

        hints.ReadItem(root);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                hints.ReadItem(property.Value);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    hints.ReadItem(item);
                }
            }
        }

        if (operation == AwsOperations.DescribeAvailabilityZones)
        {
            foreach (var zone in root.GetArray("AvailabilityZones"))
            {
                if (zone.GetString("RegionName") is { } region && AwsNames.IsRegionName(region))
                {
                    hints.Regions.Add(region, "RegionName");
                    if (zone.GetString("ZoneId") is { } zoneId)
                    {
                        hints.ZoneIdRegions[zoneId] = region;
                    }
                }
            }
        }

        hints.ReadZones(root);
        return hints;
    }

    /// <summary>Adds the regions of the zone ids this answer named, once the zone id map of the whole folder is known.</summary>
    public void ResolveZoneIds(IReadOnlyDictionary<string, string> zoneIdRegions)
    {
        foreach (var (zoneId, count) in ZoneIds)
        {
            if (zoneIdRegions.TryGetValue(zoneId, out var region))
            {
                Regions.Add(region, "AvailabilityZoneId", count);
            }
        }
    }

    private void ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in item.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (property.NameEquals("OwnerId") && AwsNames.IsAccountId(property.Value.GetString()))
            {
                Accounts.Add(property.Value.GetString()!, "OwnerId");
            }
            else if (property.Name.EndsWith("Arn", StringComparison.Ordinal))
            {
                var (account, region) = AwsNames.ParseArn(property.Value.GetString());
                if (account is not null)
                {
                    Accounts.Add(account, "ARN");
                }

                if (region is not null)
                {
                    Regions.Add(region, "ARN");
                }
            }
        }
    }

    private void ReadZones(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        ReadZone(property.Name, property.Value.GetString()!);
                    }
                    else
                    {
                        ReadZones(property.Value);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadZones(item);
                }

                break;
        }
    }

    private void ReadZone(string name, string value)
    {
        if (name is "AvailabilityZone" or "ZoneName" && AwsNames.RegionOfZone(value) is { } region)
        {
            Regions.Add(region, "AvailabilityZone");
        }
        else if (name is "AvailabilityZoneId" or "ZoneId")
        {
            ZoneIds[value] = ZoneIds.GetValueOrDefault(value) + 1;
        }
    }
}
