using Argus.Aws.Operations;

namespace Argus.Aws.CliImport;

/// <summary>A recognised AWS CLI answer, before its account and region are settled.</summary>
/// <param name="HasMorePages">The answer says further pages exist (a non-empty <c>NextToken</c>, <c>IsTruncated</c>).</param>
internal sealed record ScannedFile(CliFileLocation Location, AwsOperation Operation, string? Resource, ScopeHints Hints, bool HasMorePages)
{
    public string Path => Location.Path;
}
