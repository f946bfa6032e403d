using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Posture.Checks.Storage;

/// <summary>CIS 7.0 (manual in the benchmark, read from the data here): RDS instances use Multi-AZ deployments.</summary>
public sealed class RdsMultiAzCheck : DbInstanceCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.rds.multi-az", "RDS instances use Multi-AZ deployments", Severity.Low, "rds", "aws.rds.db-instance",
        "Multi-AZ keeps a synchronous standby in another Availability Zone and fails over to it.",
        "A zone outage or hardware failure takes the database down until it is restored.",
        new("aws rds modify-db-instance --db-instance-identifier NAME --multi-az --apply-immediately",
            "# Set MultiAZ: true on AWS::RDS::DBInstance.",
            "# Set multi_az = true on aws_db_instance."),
        ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html"],
        [AwsOperations.DescribeDBInstances]);

    protected override CheckOutcome Evaluate(string account, string region, string name, string arn, JsonElement db)
    {
        var multi = db.GetBool("MultiAZ") == true;
        return Verdict(multi, arn, account, region, $"{name} is Multi-AZ.", $"{name} runs in a single Availability Zone.", new { DBInstanceIdentifier = name, MultiAZ = multi }, Tags(db));
    }
}
