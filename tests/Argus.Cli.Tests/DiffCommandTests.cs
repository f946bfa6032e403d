using System.Text.Json;
using Argus.Tests;

namespace Argus.Cli.Tests;

public sealed class DiffCommandTests
{
    [Fact]
    public void An_edited_group_and_a_removed_answer_show_as_changed_and_disappeared()
    {
        using var cli = new CliRun();
        var before = TestPaths.Fixture("aws-network", "test-nat-gateway");
        var after = Path.Combine(cli.Folder, "after");
        CopyFolder(before, after);
        var groups = Path.Combine(after, "aws_configs", "SecurityGroups.json");
        File.WriteAllText(groups, File.ReadAllText(groups).Replace("\"default VPC security group\"", "\"default group, edited\"", StringComparison.Ordinal));
        File.Delete(Path.Combine(after, "aws_configs", "NatGateways.json"));
        Assert.Equal(0, cli.Run("import", before).Code);
        Assert.Equal(0, cli.Run("import", after).Code);
        var ids = JsonDocument.Parse(cli.Run("snapshots", "--format", "json").Out).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

        var (code, json, error) = cli.Run("diff", ids[1], ids[0], "--format", "json");

        Assert.True(code == 0, error);
        var changes = JsonDocument.Parse(json).RootElement.GetProperty("changes").EnumerateArray().ToList();
        var changed = Assert.Single(changes, c => c.GetProperty("change").GetString() == "changed");
        Assert.Equal("default", changed.GetProperty("after").GetProperty("name").GetString());
        Assert.Equal(["Description"], changed.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var gone = Assert.Single(changes, c => c.GetProperty("change").GetString() == "disappeared");
        Assert.Equal("aws.ec2.nat-gateway", gone.GetProperty("before").GetProperty("type").GetString());
        Assert.DoesNotContain(changes, c => c.GetProperty("change").GetString() == "appeared");
        Assert.Contains("1 changed", cli.Run("diff", ids[1], ids[0]).Out);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
