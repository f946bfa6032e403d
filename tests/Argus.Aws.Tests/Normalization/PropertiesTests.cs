using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Tests;

namespace Argus.Aws.Tests.Normalization;

/// <summary>Asset properties are the provider's item without insignificant whitespace, strings untouched.</summary>
public sealed class PropertiesTests
{
    [Fact]
    public void Strings_keep_their_spaces_escapes_and_characters()
    {
        const string Description = "a \\\"quoted\\\" \\\\ path\\n  with   spaces, { braces } and [ brackets ] \\u00e9 and é";
        var n = Normalized.Of("eu-west-1", Normalized.Doc(AwsOperations.DescribeSecurityGroups, $$$"""
            {
              "SecurityGroups": [
                {
                  "Description" :  "{{{Description}}}",
                  "GroupId": "sg-0a",
                  "GroupName" : "",
                  "IpPermissions": [ ],
                  "Nested": { "Empty": { }, "List": [ 1 , 2.5e3 , true , null ] }
                }
              ]
            }
            """, region: "eu-west-1"));
        var group = n.Asset("arn:aws:ec2:eu-west-1:111111111111:security-group/sg-0a");

        Assert.Equal(
            $$$"""{"Description":"{{{Description}}}","GroupId":"sg-0a","GroupName":"","IpPermissions":[],"Nested":{"Empty":{},"List":[1,2.5e3,true,null]}}""",
            group.Properties);
        using var parsed = JsonDocument.Parse(group.Properties);
        Assert.Equal("a \"quoted\" \\ path\n  with   spaces, { braces } and [ brackets ] é and é", parsed.RootElement.GetProperty("Description").GetString());
        Assert.Equal("sg-0a", group.Name);
    }

    private static readonly Dictionary<string, string> IdMembers = new()
    {
        ["Vpcs"] = "VpcId", ["Subnets"] = "SubnetId", ["RouteTables"] = "RouteTableId", ["InternetGateways"] = "InternetGatewayId",
        ["NatGateways"] = "NatGatewayId", ["NetworkInterfaces"] = "NetworkInterfaceId", ["Reservations"] = "InstanceId",
        ["SecurityGroups"] = "GroupId", ["NetworkAcls"] = "NetworkAclId", ["VpnGateways"] = "VpnGatewayId", ["CustomerGateways"] = "CustomerGatewayId",
    };

    [Theory]
    [InlineData("test-nat-gateway")]
    [InlineData("test-public-private-subnet")]
    [InlineData("test-public-subnet")]
    public void Every_fixture_asset_has_its_item_as_properties(string fixture)
    {
        var group = FixtureGroup.Load(TestPaths.Fixture("aws-network", fixture, "aws_configs"));
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in group.Documents)
        {
            using var json = JsonDocument.Parse(document.Json);
            foreach (var list in json.RootElement.EnumerateObject())
            {
                foreach (var item in list.Value.EnumerateArray())
                {
                    foreach (var resource in list.Name == "Reservations" ? item.GetProperty("Instances").EnumerateArray().ToList() : [item])
                    {
                        if (IdMembers.TryGetValue(list.Name, out var idMember))
                        {
                            items[resource.GetProperty(idMember).GetString()!] = JsonText.Compact(resource);
                        }
                    }
                }
            }
        }

        var n = Normalized.Of(group);
        var checkedAssets = 0;
        foreach (var asset in n.Assets.Where(a => a.Type != AwsAssetTypes.VpnConnection && a.Type.StartsWith("aws.ec2.", StringComparison.Ordinal) && a.Type != AwsAssetTypes.Region))
        {
            var id = asset.Id[(asset.Id.LastIndexOf('/') + 1)..];
            using var properties = JsonDocument.Parse(asset.Properties);
            Assert.Equal(items[id], JsonText.Compact(properties.RootElement));
            Assert.DoesNotContain("\n", asset.Properties, StringComparison.Ordinal);
            checkedAssets++;
        }

        Assert.True(checkedAssets >= 10, $"{checkedAssets} assets checked");
    }
}
