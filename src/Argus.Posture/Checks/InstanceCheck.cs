using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks;

/// <summary>A check of every EC2 instance (not terminated) in every region, given its id, ARN and tags.</summary>
public abstract class InstanceCheck : RegionalCheck
{
    protected override AwsOperation Source => AwsOperations.DescribeInstances;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup) =>
        Ec2Index.Instances(context, account, region, lookup).Select(instance => Evaluate(instance.Element, instance.Ref));

    protected abstract CheckOutcome Evaluate(JsonElement instance, ItemRef item);
}

/// <summary>An EC2 item being checked: id, ARN, scope, tags, and the name people know it by.</summary>
public sealed record ItemRef(string Id, string Arn, string Account, string Region, IReadOnlyDictionary<string, string> Tags)
{
    public string Label => Tags.TryGetValue("Name", out var name) ? $"{Id} ({name})" : Id;
}
