using System.Text.Json;
using Argus.Core.Inventory;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Storage.Tests.Support;

/// <summary>Just enough of a normalizer to drive the import pipeline: VPCs, and subnets in them.</summary>
internal sealed class VpcNormalizer : INormalizer
{
    public Provider Provider => Provider.Aws;

    public void Normalize(DocumentGroup group, IInventoryOutput output)
    {
        string Arn(string kind, string id) => $"arn:aws:ec2:{group.Key.Region}:{group.Key.Account}:{kind}/{id}";

        foreach (var (operation, key, kind, idProperty) in new[] { ("DescribeVpcs", "Vpcs", "vpc", "VpcId"), ("DescribeSubnets", "Subnets", "subnet", "SubnetId") })
        {
            if (group.Find("ec2", operation) is not { } document)
            {
                continue;
            }

            using var json = JsonDocument.Parse(document.Json);
            foreach (var item in json.RootElement.GetArray(key))
            {
                var id = Arn(kind, item.GetString(idProperty)!);
                var tags = item.GetArray("Tags").ToDictionary(t => t.GetString("Key")!, t => t.GetString("Value") ?? "");
                output.Add(new Asset(id, "aws.ec2." + kind, Provider.Aws, group.Key.Account, group.Key.Region, tags.GetValueOrDefault("Name") ?? id, tags, JsonText.Compact(item)));
                if (kind == "subnet")
                {
                    output.Add(new Relation(id, Arn("vpc", item.GetString("VpcId")!), RelationKinds.In));
                }
            }
        }
    }
}
