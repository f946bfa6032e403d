using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Posture.Checks.Storage;

/// <summary>CIS: RDS instances have Auto Minor Version Upgrade on.</summary>
public sealed class RdsMinorUpgradeCheck : DbInstanceCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.rds.auto-minor-upgrade", "RDS instances apply minor engine upgrades automatically", Severity.Low, "rds", "aws.rds.db-instance",
        "Minor engine versions carry security fixes; with the flag on, RDS applies them in the maintenance window.",
        "Known database engine vulnerabilities stay unpatched.",
        new("aws rds modify-db-instance --db-instance-identifier NAME --auto-minor-version-upgrade --apply-immediately",
            "# Set AutoMinorVersionUpgrade: true on AWS::RDS::DBInstance.",
            "# Set auto_minor_version_upgrade = true on aws_db_instance."),
        ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html"],
        [AwsOperations.DescribeDBInstances]);

    protected override CheckOutcome Evaluate(string account, string region, string name, string arn, JsonElement db)
    {
        var on = db.GetBool("AutoMinorVersionUpgrade") == true;
        return Verdict(on, arn, account, region, $"{name} upgrades minor versions automatically.", $"{name} does not apply minor version upgrades automatically.",
            new { DBInstanceIdentifier = name, AutoMinorVersionUpgrade = on, EngineVersion = db.GetString("EngineVersion") }, Tags(db));
    }
}
