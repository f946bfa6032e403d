namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: object-level logging for S3 write events.</summary>
public sealed class S3WriteDataEventsCheck : S3DataEventsCheck
{
    public override CheckMetadata Metadata { get; } = Describe("aws.cloudtrail.s3-write-events", "Write");

    protected override string Kind => "Write";
}
