using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Aws.CliImport;

/// <summary>
/// Finds the files of an AWS CLI output folder and what their folders say. The root is <c>&lt;folder&gt;/aws_configs</c>
/// when it exists (the layout Batfish and auditors use), else the folder itself.
/// </summary>
internal static class CliFolderLayout
{
    public const string ConfigsFolder = "aws_configs";
    public const string AccountsFolder = "accounts";

    public static string Root(string folder)
    {
        var configs = Path.Combine(folder, ConfigsFolder);
        return Directory.Exists(configs) ? configs : folder;
    }

    /// <summary>Every file under <paramref name="root"/>, hidden ones included, in ordinal path order.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(root, "*", options).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(root, $"cannot list the folder: {e.Message}", inner: e);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static CliFileLocation Locate(string root, string path)
    {
        var folders = Path.GetRelativePath(root, Path.GetDirectoryName(path)!)
            .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != ".")
            .ToList();
        var next = 0;
        string? account = null;
        if (folders.Count > 0 && folders[0] == AccountsFolder)
        {
            if (folders.Count < 2 || !AwsNames.IsAccountId(folders[1]))
            {
                throw new ImportException(path, $"files under {AccountsFolder}/ go in a folder named for their 12-digit account id, {AccountsFolder}/<id>/");
            }

            account = folders[1];
            next = 2;
        }

        string? region = null;
        if (next < folders.Count && (folders[next] == Regions.Global || AwsNames.IsRegionName(folders[next])))
        {
            region = folders[next];
            next++;
        }

        return new CliFileLocation(path, account, region, folders[next..]);
    }
}
