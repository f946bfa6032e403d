namespace Argus.Aws.CliImport;

/// <summary>
/// Where a file sits in an AWS CLI output folder: <c>[accounts/&lt;id&gt;/][&lt;region&gt;/][folders/]file.json</c>.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Account">The account its <c>accounts/&lt;id&gt;/</c> folder names, if any.</param>
/// <param name="Region">The region (or <c>global</c>) its region folder names, if any.</param>
/// <param name="Folders">The folders between those and the file, outermost first.</param>
internal sealed record CliFileLocation(string Path, string? Account, string? Region, IReadOnlyList<string> Folders)
{
    /// <summary>
    /// The resource a per-resource answer is about: the nearest enclosing folder named
    /// <c>&lt;parameter&gt;=&lt;value&gt;</c> (e.g. <c>Bucket=my-logs</c>), its value percent-decoded so that an ARN's
    /// <c>/</c> can be written <c>%2F</c>. Null when there is no such folder.
    /// </summary>
    public string? FindResource(string parameter)
    {
        var prefix = parameter + "=";
        for (var i = Folders.Count - 1; i >= 0; i--)
        {
            if (Folders[i].StartsWith(prefix, StringComparison.Ordinal) && Folders[i].Length > prefix.Length)
            {
                return Uri.UnescapeDataString(Folders[i][prefix.Length..]);
            }
        }

        return null;
    }
}
