using System.Text.Json.Nodes;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.Core.Model;
using Argus.Tests;

namespace Argus.Aws.Tests.Client;

/// <summary>
/// The generic client ships models for operations it can call; each of them must map to an action the real
/// permission catalog declares, or the collector would be refused at run time.
/// </summary>
public sealed class ClientCatalogAgreementTests
{
    public static TheoryData<string, string> ModelOperations()
    {
        var data = new TheoryData<string, string>();
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", "Argus.Aws", "Client", "Models");
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith(".paginators.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var service = Path.GetFileNameWithoutExtension(file);
            foreach (var operation in JsonNode.Parse(File.ReadAllText(file))!["operations"]!.AsObject())
            {
                data.Add(service, operation.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelOperations))]
    public void Every_modelled_operation_maps_to_a_declared_action(string service, string operation)
    {
        using var http = new HttpClient();
        var client = new AwsApiClient(http, AwsPermissionCatalog.Instance);

        var action = client.ActionFor(service, operation);

        Assert.True(AwsPermissionCatalog.Instance.Find(Provider.Aws, action) is not null, $"{service} {operation} needs {action}, which the catalog does not declare");
    }
}
