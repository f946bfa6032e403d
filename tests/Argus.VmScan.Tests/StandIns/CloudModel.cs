namespace Argus.VmScan.Tests.StandIns;

/// <summary>An account of the stand-in: the access key its callers sign with and the role they act as.</summary>
internal sealed record StandInAccount(string Id, string AccessKey, string RoleName)
{
    public string PrincipalArn => $"arn:aws:iam::{Id}:role/{RoleName}";
}

internal sealed class StandInInstance
{
    public required string Id { get; init; }
    public required string Account { get; init; }
    public required string Region { get; init; }
    public required string Zone { get; init; }
    public string State { get; set; } = "running";
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<(string Device, string VolumeId)> Devices { get; } = [];
    public DateTimeOffset LaunchTime { get; init; } = DateTimeOffset.UtcNow;

    // Launched through RunInstances (the scanner Argus launches).
    public string? SubnetId { get; init; }
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];
    public bool Spot { get; init; }
    public string? ImageId { get; init; }
    public string? InstanceProfile { get; init; }
    public string? UserData { get; init; }
    public string? HttpTokens { get; init; }
    public string? ClientToken { get; init; }
    public bool PublicIp { get; init; }
    public int PollsUntilChange { get; set; }
}

internal sealed class StandInVpc
{
    public required string Id { get; init; }
    public required string Account { get; init; }
    public required string Region { get; init; }
    public required string Cidr { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

internal sealed class StandInSubnet
{
    public required string Id { get; init; }
    public required string VpcId { get; init; }
    public required string Zone { get; init; }
    public required string Cidr { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

internal sealed class StandInGateway
{
    public required string Id { get; init; }
    public required string Account { get; init; }
    public required string Region { get; init; }
    public string? VpcId { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

internal sealed class StandInRouteTable
{
    public required string Id { get; init; }
    public required string VpcId { get; init; }
    public bool Main { get; init; }
    public List<(string Destination, string Gateway)> Routes { get; } = [];
    public List<(string Id, string SubnetId)> Associations { get; } = [];
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

internal sealed class StandInSecurityGroup
{
    public required string Id { get; init; }
    public required string VpcId { get; init; }
    public required string Name { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

internal sealed class StandInVolume
{
    public required string Id { get; init; }
    public required string Account { get; init; }
    public required string Region { get; init; }
    public required string Zone { get; init; }
    public required int Size { get; init; }
    public string? KmsKeyId { get; init; }
    public string? SnapshotId { get; init; }
    public required string ImagePath { get; init; }
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
    public string State { get; set; } = "available";
    public int PollsUntilReady { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public (string Instance, string Device, string State)? Attachment { get; set; }
}

internal sealed class StandInSnapshot
{
    public required string Id { get; init; }
    public required string Account { get; init; }
    public required string Region { get; init; }
    public required string VolumeId { get; init; }
    public required int Size { get; init; }
    public string? KmsKeyId { get; init; }
    public required string ImagePath { get; init; }
    public DateTimeOffset Started { get; init; } = DateTimeOffset.UtcNow;
    public int PollsUntilCompleted { get; set; }
    public string State => PollsUntilCompleted > 0 ? "pending" : "completed";
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SharedWith { get; } = new(StringComparer.Ordinal);
}

internal sealed record StandInKey(string Arn, string Account, string Region, string Manager);

internal sealed record StandInGrant(string Id, string KeyArn, string? Name, string Grantee, string? Retiring, IReadOnlyList<string> Operations, DateTimeOffset Created);
