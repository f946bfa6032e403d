using Argus.Cli;

namespace Argus.Cli.Tests;

/// <summary>Runs the real <c>argus</c> command tree in process, with captured output and a throwaway store.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Folder = Argus.Tests.TestPaths.NewTempFolder();
        Db = Path.Combine(Folder, "argus.db");
    }

    public string Folder { get; }

    public string Db { get; }

    public (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ArgusApp.RunAsync([.. args, "--db", Db], stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
