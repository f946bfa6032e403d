namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: object-level logging for S3 read events.</summary>
public sealed class S3ReadDataEventsCheck : S3DataEventsCheck
{
    public override CheckMetadata Metadata { get; } = Describe("aws.cloudtrail.s3-read-events", "Read");

    protected override string Kind => "Read";
}
