using Argus.Core.Inventory;
using Argus.Core.Model;

namespace Argus.Core.Tests.Inventory;

public sealed class InventoryDiffTests
{
    private static Asset A(string id, string name = "n", string props = "{\"X\":1}", params (string K, string V)[] tags) =>
        new(id, "aws.ec2.vpc", Provider.Aws, "111111111111", "us-east-1", name, tags.ToDictionary(t => t.K, t => t.V), props);

    [Fact]
    public void Reports_appeared_disappeared_and_changed_in_id_order()
    {
        var before = new[] { A("a"), A("b"), A("c", props: "{\"X\":1,\"Y\":[1,2]}") };
        var after = new[] { A("b"), A("c", props: "{\"X\":1,\"Y\":[1,3],\"Z\":true}"), A("d") };

        var changes = InventoryDiff.Compare(before, after).ToList();

        Assert.Collection(
            changes,
            c => Assert.Equal((AssetChangeKind.Disappeared, "a"), (c.Kind, c.Asset.Id)),
            c =>
            {
                Assert.Equal((AssetChangeKind.Changed, "c"), (c.Kind, c.Asset.Id));
                Assert.Equal(["Y", "Z"], c.ChangedFields);
            },
            c => Assert.Equal((AssetChangeKind.Appeared, "d"), (c.Kind, c.Asset.Id)));
    }

    [Fact]
    public void Identical_assets_are_not_reported_even_when_json_whitespace_differs()
    {
        var changes = InventoryDiff.Compare([A("a", props: "{\"X\": 1}")], [A("a", props: "{\"X\":1}")]).ToList();

        Assert.Empty(changes);
    }

    [Fact]
    public void Tag_and_name_changes_are_named()
    {
        var before = A("a", "old", "{\"Tags\":[{\"Key\":\"env\",\"Value\":\"dev\"}]}", ("env", "dev"));
        var after = A("a", "new", "{\"Tags\":[{\"Key\":\"env\",\"Value\":\"prod\"}]}", ("env", "prod"));

        var change = Assert.Single(InventoryDiff.Compare([before], [after]));

        Assert.Equal(["name", "tags"], change.ChangedFields);
    }

    [Fact]
    public void Unsorted_input_is_refused_rather_than_giving_a_wrong_answer()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InventoryDiff.Compare([A("b"), A("a")], []).ToList());

        Assert.Contains("ordinal id order", ex.Message);
    }
}
