using System.Text;
using Argus.Aws.CliImport;
using Argus.Core.Model;
using Argus.Network.FlowLogs;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Sources;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

/// <summary>The shared fixtures as models and reports, and small hand-made networks for focused cases.</summary>
internal static class Fixtures
{
    public static IReadOnlyList<RawDocument> NatGatewayDocuments { get; } =
        [.. new AwsCliFolderSource(TestPaths.Fixture("aws-network", "test-nat-gateway"), null, null).ReadDocuments()];

    public static SnapshotRuleModel NatGateway() => SnapshotRuleModel.FromDocuments(NatGatewayDocuments);

    public static RuleUsageReport Analyse(IRuleUsageModel model, string path, RuleUsageOptions? options = null) =>
        RuleUsageAnalysis.Run(model, new LocalFlowLogSource(path), options ?? new RuleUsageOptions { MinimumWindow = TimeSpan.Zero });

    public static RawDocument Document(string operation, string json, string? resource = null) =>
        new(Provider.Aws, "111122223333", "eu-west-1", "ec2", operation, resource, Encoding.UTF8.GetBytes(json));

    public static string WriteLog(string folder, string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
