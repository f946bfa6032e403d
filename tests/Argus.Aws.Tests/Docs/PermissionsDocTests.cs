using Argus.Aws.Permissions;
using Argus.Core.Permissions;
using Argus.Tests;

namespace Argus.Aws.Tests.Docs;

/// <summary>Keeps docs/permissions.md equal to the catalog.</summary>
public sealed class PermissionsDocTests
{
    private const string Begin = "<!-- BEGIN permissions -->";
    private const string End = "<!-- END permissions -->";

    private static string DocPath => Path.Combine(TestPaths.RepositoryRoot, "docs", "permissions.md");

    [Fact]
    public void The_permissions_page_matches_the_catalog()
    {
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocPath} must hold the markers {Begin} and {End}");

        var current = doc[(start + Begin.Length)..end];
        var expected = "\n" + PermissionsPage.Markdown(Features.All);
        if (current != expected && Environment.GetEnvironmentVariable("ARGUS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, doc[..(start + Begin.Length)] + expected + doc[end..]);
            return;
        }

        Assert.True(current == expected,
            $"{DocPath} is out of date with the permission catalog. Regenerate it: ARGUS_UPDATE_DOCS=1 dotnet test tests/Argus.Aws.Tests");
    }
}
