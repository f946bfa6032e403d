namespace Argus.Aws.Collection;

/// <summary>What to collect and how fast; the defaults suit one real account.</summary>
public sealed record AwsCollectionOptions
{
    /// <summary>The regions to visit; null means every region enabled for the account (ec2:DescribeRegions).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Calls in flight at once per region (global services count in the home region).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Calls per second per (account, region); halved while AWS throttles, recovering as calls succeed.</summary>
    public double CallsPerSecond { get; init; } = 10;

    /// <summary>The region global services (IAM, Organizations, STS, the S3 bucket list) are called in.</summary>
    public string HomeRegion { get; init; } = "us-east-1";

    /// <summary>When set, every call goes here (a local test server); otherwise the client's endpoint rules apply.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>A label stored with the snapshot.</summary>
    public string? Label { get; init; }
}
