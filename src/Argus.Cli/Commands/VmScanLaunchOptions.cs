using System.CommandLine;
using System.Net;
using Argus.VmScan.Scanner;

namespace Argus.Cli.Commands;

/// <summary>'argus vm-scan run --scanner launch': the scanner instance (and VPC) Argus creates for one scan.</summary>
public sealed class VmScanLaunchOptions
{
    public Option<string?> Scanner { get; } = new("--scanner")
    {
        Description = "Attach mode: 'launch' creates a scanner instance in a VPC of its own for this scan and removes both after; without it, --scanner-instance names the scanner.",
        HelpName = "launch",
    };

    public Option<string?> Ami { get; } = new("--scanner-ami") { Description = "With --scanner launch: the image of the scanner, with argus on the PATH (and an OSV database for matching).", HelpName = "AMI-ID" };

    public Option<string?> Profile { get; } = new("--scanner-instance-profile")
    {
        Description = "With --scanner launch: the scanner's instance profile; its role must be <--role-name>-scanner (the only role the policy lets Argus pass), with S3 on the results bucket only.",
        HelpName = "NAME",
    };

    public Option<string?> Results { get; } = new("--results") { Description = "With --scanner launch: where jobs and results are exchanged, s3://argus-vm-scan-<name>/<prefix> in the scanner region.", HelpName = "S3-URL" };

    public Option<string> InstanceType { get; } = new("--scanner-instance-type") { Description = "With --scanner launch: the scanner's instance type.", DefaultValueFactory = _ => "m6i.large", HelpName = "TYPE" };

    public Option<bool> Spot { get; } = new("--spot") { Description = "With --scanner launch: a one-time spot instance (terminated if interrupted; the scan then fails its remaining volumes and cleans up)." };

    public Option<string> Cidr { get; } = new("--scanner-cidr") { Description = "With --scanner launch: the scanner VPC's (and subnet's) IPv4 block.", DefaultValueFactory = _ => "10.213.0.0/24", HelpName = "CIDR" };

    public Option<string?> Zone { get; } = new("--scanner-zone") { Description = "With --scanner launch: the zone of the scanner and the volumes. Default: <scanner region>a.", HelpName = "ZONE" };

    public Option<string?> ScannerOsv { get; } = new("--scanner-osv") { Description = "With --scanner launch: the OSV database's path on the scanner image, for its worker's matching.", HelpName = "PATH" };

    public IEnumerable<Option> All => [Scanner, Ami, Profile, Results, InstanceType, Spot, Cidr, Zone, ScannerOsv];

    /// <summary>The launch the options ask for, or null without --scanner launch; usage errors name the option.</summary>
    public ScannerLaunch? Parse(ParseResult parse, bool attach, string? scannerInstance)
    {
        var launchOnly = new Option[] { Ami, Profile, Results, Zone, ScannerOsv }.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (parse.GetValue(Scanner) is not { } kind)
        {
            return launchOnly.Count == 0 && !parse.GetValue(Spot)
                ? null
                : throw new CliException($"{string.Join(", ", launchOnly.Append(parse.GetValue(Spot) ? "--spot" : null).OfType<string>())} need --scanner launch", ExitCodes.Usage);
        }

        if (kind != "launch")
        {
            throw new CliException($"--scanner '{kind}': the only value is 'launch' (a scanner you run yourself is named with --scanner-instance)", ExitCodes.Usage);
        }

        if (!attach)
        {
            throw new CliException("--scanner launch reads attached volumes: add --mode attach", ExitCodes.Usage);
        }

        if (scannerInstance is not null)
        {
            throw new CliException("--scanner launch and --scanner-instance exclude each other: Argus either launches the scanner or uses the one named", ExitCodes.Usage);
        }

        var missing = new[] { (Ami, parse.GetValue(Ami)), (Profile, parse.GetValue(Profile)), (Results, parse.GetValue(Results)) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1.Name).ToList();
        if (missing.Count > 0)
        {
            throw new CliException($"--scanner launch needs {string.Join(", ", missing)}", ExitCodes.Usage);
        }

        var ami = parse.GetValue(Ami)!;
        if (!ami.StartsWith("ami-", StringComparison.Ordinal) || ami.Length < 12 || !ami[4..].All(char.IsAsciiHexDigitLower))
        {
            throw new CliException($"--scanner-ami '{ami}' is not an image id (ami- and 8 or 17 lower-case hex digits)", ExitCodes.Usage);
        }

        var cidr = parse.GetValue(Cidr)!;
        if (!IPNetwork.TryParse(cidr, out var network) || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || network.PrefixLength is < 16 or > 28)
        {
            throw new CliException($"--scanner-cidr '{cidr}' is not an IPv4 block from /16 to /28 (the sizes a VPC may have)", ExitCodes.Usage);
        }

        ResultsLocation results;
        try
        {
            results = ResultsLocation.Parse(parse.GetValue(Results)!);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, ExitCodes.Usage);
        }

        return new ScannerLaunch(ami, parse.GetValue(Profile)!, results, parse.GetValue(InstanceType)!, parse.GetValue(Spot), cidr, parse.GetValue(Zone), parse.GetValue(ScannerOsv));
    }

    /// <summary>S3's endpoint from the standard AWS settings (AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL), as the API client takes them; null for AWS.</summary>
    public static Uri? S3Endpoint()
    {
        if (Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") is "true" or "TRUE" or "True")
        {
            return null;
        }

        return (Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL")) is { Length: > 0 } url ? new Uri(url) : null;
    }
}
