using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Posture.Checks.Storage;

/// <summary>CIS: RDS instances are not publicly accessible.</summary>
public sealed class RdsPublicAccessCheck : DbInstanceCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.rds.public-access", "RDS instances are not publicly accessible", Severity.Critical, "rds", "aws.rds.db-instance",
        "A publicly accessible instance gets a public DNS name and address; only its security group stands between it and the internet.",
        "Databases reachable from the internet are brute-forced and exploited.",
        new("aws rds modify-db-instance --db-instance-identifier NAME --no-publicly-accessible --apply-immediately",
            "# Set PubliclyAccessible: false on AWS::RDS::DBInstance and use private subnets in its DBSubnetGroup.",
            "# Set publicly_accessible = false on aws_db_instance and use private subnets in its db_subnet_group."),
        ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html"],
        [AwsOperations.DescribeDBInstances]);

    protected override CheckOutcome Evaluate(string account, string region, string name, string arn, JsonElement db)
    {
        var open = db.GetBool("PubliclyAccessible") == true;
        return Verdict(!open, arn, account, region, $"{name} is not publicly accessible.", $"{name} is publicly accessible.",
            new { DBInstanceIdentifier = name, PubliclyAccessible = open, Endpoint = db.GetObject("Endpoint")?.GetString("Address") }, Tags(db));
    }
}
