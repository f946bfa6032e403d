using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Import;

namespace Argus.Aws.CliImport;

/// <summary>
/// First pass over an AWS CLI output folder: parses every <c>.json</c> file once to recognise its operation and
/// read what it says about its account and region, lists what it skips, and keeps nothing of the data itself.
/// </summary>
internal static class CliFolderScanner
{
    public static List<ScannedFile> Scan(string root, long maxFileBytes, List<ImportNotice> notices)
    {
        var scanned = new List<ScannedFile>();
        foreach (var path in CliFolderLayout.Files(root))
        {
            if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                notices.Add(new ImportNotice(ImportNoticeKind.Skipped, path, "not a .json file"));
                continue;
            }

            var location = CliFolderLayout.Locate(root, path);
            var bytes = CliJsonFile.ReadUtf8(path, maxFileBytes);
            if (bytes is null)
            {
                notices.Add(new ImportNotice(ImportNoticeKind.Skipped, path, "empty file (the AWS CLI prints nothing for an answer without a body)"));
                continue;
            }

            using var document = CliJsonFile.Parse(path, bytes);
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object)
            {
                notices.Add(new ImportNotice(ImportNoticeKind.Skipped, path, $"the JSON is {Describe(json.ValueKind)}, not an object as AWS CLI answers are"));
                continue;
            }

            var keys = json.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (OperationRecognizer.Recognize(keys, location, AwsOperations.All, out var reason) is not { } recognised)
            {
                notices.Add(new ImportNotice(ImportNoticeKind.Skipped, path, reason));
                continue;
            }

            scanned.Add(new ScannedFile(location, recognised.Operation, recognised.Resource, ScopeHints.Read(json, recognised.Operation), PageMerger.HasMore(json)));
        }

        if (scanned.Count == 0)
        {
            var skipped = notices.Count(n => n.Kind == ImportNoticeKind.Skipped);
            throw new ImportException(root, skipped == 0
                ? "no files: expected AWS CLI output (aws ... --output json) as aws_configs/[accounts/<id>/][<region>/]*.json"
                : $"none of the {skipped} files is an AWS CLI answer Argus reads; first skipped: {notices.First(n => n.Kind == ImportNoticeKind.Skipped)}");
        }

        var zoneIdRegions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in scanned)
        {
            foreach (var (zoneId, region) in file.Hints.ZoneIdRegions)
            {
                zoneIdRegions.TryAdd(zoneId, region);
            }
        }

        foreach (var file in scanned)
        {
            file.Hints.ResolveZoneIds(zoneIdRegions);
        }

        return scanned;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
