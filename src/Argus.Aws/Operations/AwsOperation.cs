namespace Argus.Aws.Operations;

/// <summary>
/// One AWS API operation whose answer Argus stores as a raw document: the contract shared by the collector,
/// the AWS CLI output importer, the synthetic generator and the normalizer.
/// </summary>
/// <param name="Service">The AWS CLI service name (<c>ec2</c>, <c>elbv2</c>, <c>s3api</c> is stored as <c>s3</c>).</param>
/// <param name="Operation">The API operation name, as in the service's API reference.</param>
/// <param name="IamAction">The IAM action that authorizes the call.</param>
/// <param name="Global">True for account-wide services stored under the <c>global</c> region (IAM, S3 bucket list, Organizations).</param>
/// <param name="ResourceParameter">For operations called once per resource, the request parameter naming it (<c>Bucket</c>).</param>
/// <param name="ResultKeys">Top-level keys of the answer; all must be present for an AWS CLI file to be recognised as this operation.</param>
/// <param name="ItemKey">The key holding the list of items, when the answer is a list.</param>
/// <param name="CliCommand">The AWS CLI command that prints this answer.</param>
public sealed record AwsOperation(
    string Service,
    string Operation,
    string IamAction,
    bool Global,
    string? ResourceParameter,
    IReadOnlyList<string> ResultKeys,
    string? ItemKey,
    string CliCommand)
{
    public bool PerResource => ResourceParameter is not null;
}
