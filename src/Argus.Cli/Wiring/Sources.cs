using Argus.Aws.CliImport;
using Argus.Core.Import;
using Argus.Storage.Bundles;

namespace Argus.Cli.Wiring;

/// <summary>Decides what kind of input a path is: an Argus bundle (folder or .tar.gz) or a folder of AWS CLI output.</summary>
public static class Sources
{
    public static ISnapshotSource Open(string path, string? account, string? region)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (full.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            {
                return BundleSource.Open(full);
            }

            throw new CliException($"{path}: not a snapshot bundle (.tar.gz or .tgz) nor a folder; to import one AWS CLI output file, put it in a folder and import the folder");
        }

        if (!Directory.Exists(full))
        {
            throw new CliException($"{path}: no such file or folder");
        }

        if (File.Exists(Path.Combine(full, "manifest.json")))
        {
            return BundleSource.Open(full);
        }

        return new AwsCliFolderSource(full, account, region);
    }
}
