using System.CommandLine;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Permissions;
using Argus.VmScan.Workflow;

namespace Argus.Cli.Commands;

/// <summary>
/// Who a VM scan acts as: the credentials Argus runs with are the scanner's (they read the snapshots); --role-arn
/// names the role assumed in the scanned account (they snapshot its volumes). Without it both are the same account.
/// </summary>
public sealed class VmScanAccessOptions
{
    public Option<string?> Profile { get; } = new("--profile") { Description = "The AWS shared-config profile of the scanner. Default: the SDK's default chain (environment, AWS_PROFILE, SSO, instance role).", HelpName = "NAME" };

    public Option<string?> RoleArn { get; } = new("--role-arn") { Description = "The Argus role to assume in the scanned account (sts:AssumeRole); without it the scanner's own account is scanned.", HelpName = "ARN" };

    public Option<string?> ExternalId { get; } = new("--external-id") { Description = "The sts:ExternalId the --role-arn role requires.", HelpName = "ID" };

    public IEnumerable<Option> All => [Profile, RoleArn, ExternalId];

    /// <summary>The scanner's credentials (the profile, else the default chain), for assuming roles in more accounts.</summary>
    public AWSCredentials ScannerCredentials(ParseResult parse, CancellationToken ct) => CollectCommand.Credentials(parse.GetValue(Profile), ct);

    /// <summary>The client and both accounts' call contexts, the accounts learnt from sts:GetCallerIdentity.</summary>
    public (AwsApiClient Client, VmScanAccess Access) Connect(ParseResult parse, string homeRegion, CancellationToken ct)
    {
        var profile = parse.GetValue(Profile);
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, AwsApiClientOptions.FromProfile(profile));
        var scanner = CollectCommand.Credentials(profile, ct);
        AWSCredentials target = scanner;
        if (parse.GetValue(RoleArn) is { } role)
        {
            try
            {
                target = new AssumedRoleCredentials(client, new AwsCallContext(scanner, homeRegion), role, parse.GetValue(ExternalId));
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }
        }

        var scannerAccount = Account(client, scanner, homeRegion, "the scanner's credentials", ct);
        var targetAccount = ReferenceEquals(target, scanner) ? scannerAccount : Account(client, target, homeRegion, parse.GetValue(RoleArn)!, ct);
        var contexts = new Dictionary<(bool, string), AwsCallContext>();
        AwsCallContext For(bool isTarget, string region)
        {
            lock (contexts)
            {
                return contexts.TryGetValue((isTarget, region), out var found)
                    ? found
                    : contexts[(isTarget, region)] = new AwsCallContext(isTarget ? target : scanner, region);
            }
        }

        return (client, new VmScanAccess(targetAccount, r => For(true, r), scannerAccount, r => For(ReferenceEquals(target, scanner), r)));
    }

    private static string Account(AwsApiClient client, AWSCredentials credentials, string region, string who, CancellationToken ct)
    {
        try
        {
            using var answer = client.CallAsync("sts", "GetCallerIdentity", null, new AwsCallContext(credentials, region), ct).GetAwaiter().GetResult();
            return answer.RootElement.GetProperty("Account").GetString() ?? throw new CliException($"sts:GetCallerIdentity named no account for {who}");
        }
        catch (AwsApiException e)
        {
            throw new CliException($"cannot identify the account of {who}: {e.Message}");
        }
        catch (AmazonClientException e)
        {
            throw new CliException($"no usable AWS credentials for {who}: {e.Message}");
        }
    }
}
