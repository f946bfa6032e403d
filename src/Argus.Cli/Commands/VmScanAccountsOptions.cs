using System.CommandLine;
using System.Text.Json;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.VmScan.Workflow;

namespace Argus.Cli.Commands;

/// <summary>
/// Several scanned accounts in one VM scan: --accounts names them, --org finds them through Organizations (as
/// 'argus collect aws --org' does), --exclude-accounts leaves some out. Each account other than the scanner's is
/// reached by assuming the Argus role of the same name in it; the scanner account stays one.
/// </summary>
public sealed class VmScanAccountsOptions
{
    public Option<string?> Accounts { get; } = new("--accounts") { Description = "Scan instances in these comma-separated accounts, assuming arn:aws:iam::<account>:role/<--role-name> in each (not the scanner's own).", HelpName = "LIST" };

    public Option<bool> Org { get; } = new("--org") { Description = "From the management (or delegated admin) account: scan every ACTIVE account of the organization (organizations:ListAccounts), assuming <--role-name> in each." };

    public Option<string?> Exclude { get; } = new("--exclude-accounts") { Description = "With --org or --accounts: leave out these comma-separated accounts.", HelpName = "LIST" };

    public IEnumerable<Option> All => [Accounts, Org, Exclude];

    /// <summary>The accounts the options ask for (validated; empty for --org, found when connected), or null when none was asked for.</summary>
    public IReadOnlyList<string>? Named(ParseResult parse, bool hasRoleArn)
    {
        var named = Split(parse.GetValue(Accounts), "--accounts");
        var exclude = Split(parse.GetValue(Exclude), "--exclude-accounts");
        var org = parse.GetValue(Org);
        if (named is null && !org)
        {
            return exclude is null ? null : throw new CliException("--exclude-accounts needs --org or --accounts", ExitCodes.Usage);
        }

        if (named is not null && org)
        {
            throw new CliException("--accounts and --org exclude each other: name the accounts, or take the organization's", ExitCodes.Usage);
        }

        if (hasRoleArn)
        {
            throw new CliException("--accounts and --org assume <--role-name> in each account; leave out --role-arn", ExitCodes.Usage);
        }

        if (named is null)
        {
            return [];
        }

        var left = named.Except(exclude ?? [], StringComparer.Ordinal).ToList();
        return left.Count > 0 ? left : throw new CliException("--exclude-accounts leaves none of --accounts to scan", ExitCodes.Usage);
    }

    /// <summary>
    /// The access for <paramref name="accounts"/> (empty with --org: the organization's ACTIVE accounts, less the
    /// excluded ones); the scanner's own account is called with the scanner's credentials, every other one through
    /// its assumed role.
    /// </summary>
    public static VmScanAccess Extend(ParseResult parse, VmScanAccountsOptions? options, AwsApiClient client, VmScanAccess access, AWSCredentials scanner, string homeRegion,
        string roleName, string? externalId, IReadOnlyList<string> accounts, CancellationToken ct)
    {
        if (accounts.Count == 0)
        {
            accounts = OrganizationAccounts(client, new AwsCallContext(scanner, homeRegion), ct)
                .Except(options is null ? [] : Split(parse.GetValue(options.Exclude), "--exclude-accounts") ?? [], StringComparer.Ordinal).ToList();
            if (accounts.Count == 0)
            {
                throw new CliException("--org: the organization has no ACTIVE account left to scan", ExitCodes.BadInput);
            }
        }

        var contexts = new Dictionary<(string, string), AwsCallContext>();
        Func<string, AwsCallContext> In(string account)
        {
            if (account == access.ScannerAccount)
            {
                return access.Scanner;
            }

            var role = new AssumedRoleCredentials(client, new AwsCallContext(scanner, homeRegion), $"arn:aws:iam::{account}:role/{roleName}", externalId);
            return region =>
            {
                lock (contexts)
                {
                    return contexts.TryGetValue((account, region), out var found) ? found : contexts[(account, region)] = new AwsCallContext(role, region);
                }
            };
        }

        var ordered = accounts.Distinct(StringComparer.Ordinal).ToList();
        return new VmScanAccess(ordered[0], In(ordered[0]), access.ScannerAccount, access.Scanner)
        {
            MoreTargets = ordered.Skip(1).ToDictionary(a => a, In, StringComparer.Ordinal),
        };
    }

    private static List<string> OrganizationAccounts(AwsApiClient client, AwsCallContext management, CancellationToken ct)
    {
        try
        {
            using var answer = client.CallAllPagesAsync("organizations", "ListAccounts", null, management, ct).GetAwaiter().GetResult();
            return answer.RootElement.GetProperty("Accounts").EnumerateArray()
                .Where(a => Text(a, "Status") is null or "ACTIVE" && Text(a, "State") is null or "ACTIVE")
                .Select(a => Text(a, "Id")).OfType<string>().Order(StringComparer.Ordinal).ToList();
        }
        catch (AwsApiException e)
        {
            throw new CliException($"--org: cannot list the organization's accounts from the scanner account (run it from the management or a delegated admin account): {e.Message}");
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? Split(string? list, string option)
    {
        if (list is null)
        {
            return null;
        }

        var accounts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var position = 1;
        foreach (var account in list.Split(','))
        {
            var trimmed = account.Trim();
            if (trimmed.Length > 0 && (trimmed.Length != 12 || !trimmed.All(char.IsAsciiDigit)))
            {
                throw new CliException($"{option} '{list}': '{trimmed}' at character {position + account.IndexOf(trimmed, StringComparison.Ordinal)} is not a 12-digit account id", ExitCodes.Usage);
            }

            position += account.Length + 1;
        }

        return accounts.Count > 0 ? accounts : throw new CliException($"{option} names no account", ExitCodes.Usage);
    }
}
