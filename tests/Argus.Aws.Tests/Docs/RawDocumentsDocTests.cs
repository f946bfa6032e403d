using System.Text;
using Argus.Aws.Operations;
using Argus.Tests;

namespace Argus.Aws.Tests.Docs;

/// <summary>Keeps the operations table of docs/raw-documents.md equal to <see cref="AwsOperations.All"/>.</summary>
public sealed class RawDocumentsDocTests
{
    private const string Begin = "<!-- BEGIN operations table -->";
    private const string End = "<!-- END operations table -->";

    private static string DocPath => Path.Combine(TestPaths.RepositoryRoot, "docs", "raw-documents.md");

    [Fact]
    public void The_operations_table_matches_the_code()
    {
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocPath} must hold the markers {Begin} and {End}");

        var current = doc[(start + Begin.Length)..end];
        var expected = "\n" + RenderTable();
        if (current != expected && Environment.GetEnvironmentVariable("ARGUS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, doc[..(start + Begin.Length)] + expected + doc[end..]);
            return;
        }

        Assert.True(current == expected,
            $"The operations table in {DocPath} is out of date with AwsOperations. Regenerate it: ARGUS_UPDATE_DOCS=1 dotnet test tests/Argus.Aws.Tests");
    }

    [Fact]
    public void Every_operation_is_in_the_table_once()
    {
        var table = RenderTable();

        Assert.All(AwsOperations.All, o => Assert.Single(table.Split('\n'), line => line.Contains($"`{o.IamAction}`", StringComparison.Ordinal) && line.Contains($"| {o.Operation} |", StringComparison.Ordinal)));
    }

    private static string RenderTable()
    {
        var text = new StringBuilder();
        text.Append("| service | operation | IAM action | AWS CLI command | top-level keys | scope | per |\n");
        text.Append("| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var o in AwsOperations.All)
        {
            var keys = string.Join(", ", o.ResultKeys.Select(k => k == o.ItemKey ? $"`{k}` (list)" : $"`{k}`"));
            text.Append($"| {o.Service} | {o.Operation} | `{o.IamAction}` | `{o.CliCommand}` | {keys} | {(o.Global ? "global" : "region")} | {(o.ResourceParameter is { } p ? $"`{p}`" : "")} |\n");
        }

        return text.ToString();
    }
}
