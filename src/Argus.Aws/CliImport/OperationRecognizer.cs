using Argus.Aws.Operations;
using Argus.Core.Import;

namespace Argus.Aws.CliImport;

/// <summary>
/// Tells which operation printed an AWS CLI answer from its top-level keys, whatever the file is called: every
/// result key of the operation must be present; pagination keys and extra keys are allowed; the operation with
/// the most result keys wins (<c>get-account-authorization-details</c> over <c>list-policies</c>), and a
/// per-resource operation wins a tie when the file sits in its <c>&lt;Parameter&gt;=&lt;value&gt;</c> folder
/// (<c>list-accounts-for-parent</c> in <c>ParentId=ou-1/</c> over <c>list-accounts</c>).
/// </summary>
internal static class OperationRecognizer
{
    /// <summary>Keys the AWS CLI prints when it stopped after one page; they say nothing about the operation.</summary>
    public static readonly IReadOnlySet<string> PaginationKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "NextToken", "nextToken", "Marker", "NextMarker", "IsTruncated", "ContinuationToken", "NextContinuationToken",
    };

    /// <summary>The operation and resource, or null with <paramref name="skipReason"/> when no operation prints these keys.</summary>
    public static (AwsOperation Operation, string? Resource)? Recognize(
        IReadOnlyCollection<string> keys, CliFileLocation location, IReadOnlyList<AwsOperation> operations, out string skipReason)
    {
        skipReason = "";
        var candidates = operations.Where(o => o.ResultKeys.All(keys.Contains)).ToList();
        if (candidates.Count == 0)
        {
            var shown = keys.Where(k => !PaginationKeys.Contains(k)).Take(6).ToList();
            skipReason = shown.Count == 0
                ? "no top-level keys that an AWS answer Argus reads would have"
                : $"not an AWS CLI answer Argus reads (top-level keys: {string.Join(", ", shown)}{(keys.Count > shown.Count ? ", ..." : "")}); docs/raw-documents.md lists the operations";
            return null;
        }

        var best = candidates.Max(o => o.ResultKeys.Count);
        var top = candidates.Where(o => o.ResultKeys.Count == best).ToList();
        var placed = top
            .Select(o => (Operation: o, Resource: o.ResourceParameter is { } p ? location.FindResource(p) : null))
            .Where(c => !c.Operation.PerResource || c.Resource is not null)
            .ToList();
        if (placed.Count == 0)
        {
            // Several per-resource operations can print the same keys (get-bucket-policy and kms get-key-policy): name each.
            var made = string.Join(" or ", top.Select(o => $"{o.CliCommand}, which is made once per {o.ResourceParameter}"));
            var folders = string.Join(" or ", top.Select(o => $"{o.ResourceParameter}=<value>/").Distinct());
            throw new ImportException(location.Path,
                $"this is the answer of {made}: put the file in a folder named {folders} for the resource it answered for (write '/' in the value as %2F)");
        }

        if (placed.Count > 1)
        {
            placed = placed.Where(c => c.Operation.PerResource).ToList() is { Count: > 0 } perResource ? perResource : placed;
        }

        if (placed.Count > 1)
        {
            placed = TellApartByPath(placed, location.Path);
        }

        if (placed.Count > 1)
        {
            throw new ImportException(location.Path,
                $"the top-level keys fit {string.Join(" and ", placed.Select(c => c.Operation.CliCommand))} equally; remove the file or add the keys that tell them apart");
        }

        return placed[0];
    }

    /// <summary>
    /// Operations of different services that print the same keys (IAM's and Organizations' list-policies, DLM's
    /// get-lifecycle-policies; EC2's describe-regions and Account's list-regions): the one whose service and command
    /// the path names wins (<c>organizations/list-policies.json</c>); a path naming none keeps the first declared,
    /// the foundation's, as before the others existed.
    /// </summary>
    private static List<(AwsOperation Operation, string? Resource)> TellApartByPath(List<(AwsOperation Operation, string? Resource)> tied, string path)
    {
        if (tied.Select(c => c.Operation.Service).Distinct().Count() < tied.Count)
        {
            return tied;
        }

        var lower = path.Replace('\\', '/').ToLowerInvariant();
        var named = tied.Where(c => c.Operation.CliCommand.Split(' ') is [_, var service, var command, ..]
            && lower.Contains(service, StringComparison.Ordinal) && lower.Contains(command, StringComparison.Ordinal)).ToList();
        return named.Count == 1 ? named : [tied[0]];
    }
}
