using Argus.Aws.CliImport;
using Argus.Network.Model;
using Argus.Synthetic;
using Argus.Tests;

namespace Argus.Network.Tests;

/// <summary>Models built once per test run from the real fixtures and the demo organization.</summary>
internal static class Fixtures
{
    private static readonly Lazy<NetworkModel> Demo = new(() =>
    {
        var source = SyntheticEnvironment.Generate(SyntheticPresets.Find("demo")!, 42);
        var documents = source.ReadDocuments().ToList();
        return NetworkModel.Build(documents, source.Gaps);
    });

    public static NetworkModel DemoModel => Demo.Value;

    public static NetworkModel Real(string name)
    {
        var source = new AwsCliFolderSource(TestPaths.Fixture("aws-network", name, "aws_configs"), account: null, region: null);
        var documents = source.ReadDocuments().ToList();
        return NetworkModel.Build(documents, source.Gaps);
    }
}
