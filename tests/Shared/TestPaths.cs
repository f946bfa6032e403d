namespace Argus.Tests;

/// <summary>Where the repository and the shared test fixtures are, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary><c>../shared/fixtures</c> beside the repository, as developers and CI have it.</summary>
    public static string Fixtures { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    /// <summary>A fresh empty folder under the system temp folder; callers delete it.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "argus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Argus.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Argus.slnx not found above " + AppContext.BaseDirectory);
    }
}
