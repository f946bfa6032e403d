using System.Text;
using Argus.Tests;

namespace Argus.Aws.Tests.CliImport;

/// <summary>A temporary folder of AWS CLI output written by a test.</summary>
internal sealed class CliFolder : IDisposable
{
    public string Root { get; } = TestPaths.NewTempFolder();

    /// <summary>Writes <paramref name="content"/> at <paramref name="relative"/> ('/'-separated) and returns the full path.</summary>
    public string Write(string relative, string content) => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relative, byte[] content)
    {
        var path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
