using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Storage;

/// <summary>A check of every RDS DB instance in every region.</summary>
public abstract class DbInstanceCheck : RegionalCheck
{
    protected override AwsOperation Source => AwsOperations.DescribeDBInstances;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup) =>
        PostureContext.Items(lookup).Select(db => Evaluate(account, region, db.GetString("DBInstanceIdentifier") ?? "", db.GetString("DBInstanceArn") ?? "", db));

    protected abstract CheckOutcome Evaluate(string account, string region, string name, string arn, JsonElement db);

    protected static IReadOnlyDictionary<string, string> Tags(JsonElement db) => Aws.Ec2Items.Tags(db);
}
