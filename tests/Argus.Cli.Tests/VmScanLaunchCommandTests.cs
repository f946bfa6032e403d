using Argus.Aws.Tests.Client;

namespace Argus.Cli.Tests;

/// <summary>'argus vm-scan run --scanner launch' and 'argus vm-scan worker': the dry run shows the scanner's infrastructure and user data; bad options are usage errors.</summary>
[Collection(nameof(AwsEnvironment))]
public sealed class VmScanLaunchCommandTests
{
    private const string Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static readonly string[] Launch =
    [
        "vm-scan", "run", "--regions", "eu-west-1", "--mode", "attach", "--scanner", "launch", "--scanner-ami", "ami-0123456789abcdef0",
        "--scanner-instance-profile", "ArgusOperator-scanner",
    ];

    private static Answer OneInstance(SeenRequest r) => r.Form["Action"] switch
    {
        "GetCallerIdentity" => Answer.Xml("""<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:sts::111122223333:assumed-role/ArgusOperator/me</Arn><UserId>AROA:me</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"""),
        "DescribeInstances" => Answer.Xml($"""
            <DescribeInstancesResponse xmlns="{Ec2}"><reservationSet><item><instancesSet><item>
            <instanceId>i-0web</instanceId><instanceState><code>16</code><name>running</name></instanceState><placement><availabilityZone>eu-west-1b</availabilityZone></placement>
            <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-0root</volumeId></ebs></item></blockDeviceMapping><tagSet/></item></instancesSet></item></reservationSet></DescribeInstancesResponse>
            """),
        "DescribeVolumes" => Answer.Xml($"""<DescribeVolumesResponse xmlns="{Ec2}"><volumeSet><item><volumeId>vol-0root</volumeId><size>8</size><encrypted>false</encrypted><tagSet/></item></volumeSet></DescribeVolumesResponse>"""),
        _ => Answer.Xml("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>not in this test</Message></Error></Errors></Response>", 403),
    };

    private static (int, string, string) Run(LocalAwsServer server, CliRun cli, params string[] args) => AwsEnvironmentVariables.RunAgainst(server.Endpoint, cli, args);

    [Fact]
    public void The_dry_run_shows_the_scanner_infrastructure_its_removal_and_the_user_data_without_credentials()
    {
        using var server = new LocalAwsServer(OneInstance);
        using var cli = new CliRun();

        var (code, output, error) = Run(server, cli, [.. Launch, "--results", "s3://argus-vm-scan-111122223333/scans", "--spot", "--scanner-osv", "/opt/argus/osv"]);

        Assert.True(code == 0, output + error);
        Assert.Contains("a launched m6i.large spot scanner from ami-0123456789abcdef0 in eu-west-1a (new VPC 10.213.0.0/24)", output);
        foreach (var action in new[] { "ec2:CreateVpc", "ec2:CreateSubnet", "ec2:CreateInternetGateway", "ec2:AttachInternetGateway", "ec2:CreateRouteTable", "ec2:CreateRoute",
            "ec2:AssociateRouteTable", "ec2:CreateSecurityGroup", "ec2:RunInstances", "ec2:TerminateInstances", "ec2:DeleteVpc", "iam:PassRole", "s3:PutObject" })
        {
            Assert.Contains(action, output);
        }

        Assert.Contains("argus vm-scan worker --scan-id vm-", output);
        Assert.Contains("--results 's3://argus-vm-scan-111122223333/scans' --region eu-west-1 --osv '/opt/argus/osv'", output);
        Assert.DoesNotContain("cli-test-secret", output + error);
        Assert.DoesNotContain("AKIDCLITEST", output);
        Assert.Equal(["DescribeInstances", "DescribeVolumes", "GetCallerIdentity"], server.Requests.Select(r => r.Form["Action"]).Distinct().Order());
    }

    [Theory]
    [InlineData("--results s3://customer-data/scans", "must be named argus-vm-scan-*")]
    [InlineData("--results s3://argus-vm-scan-x/p --scanner-cidr 10.0.0.0/8", "--scanner-cidr '10.0.0.0/8'")]
    [InlineData("--results s3://argus-vm-scan-x/p --scanner-instance i-0abc", "exclude each other")]
    [InlineData("", "--scanner launch needs --results")]
    public void Bad_launch_options_are_usage_errors_naming_the_option(string extra, string expected)
    {
        using var server = new LocalAwsServer(OneInstance);
        using var cli = new CliRun();

        var (code, output, error) = Run(server, cli, [.. Launch, .. extra.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.True(code == 1, $"exit {code}: {output}{error}");
        Assert.Contains(expected, error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Launch_options_without_scanner_launch_are_refused()
    {
        using var server = new LocalAwsServer(OneInstance);
        using var cli = new CliRun();

        var (code, _, error) = Run(server, cli, "vm-scan", "run", "--regions", "eu-west-1", "--spot", "--results", "s3://argus-vm-scan-x/p");

        Assert.Equal(1, code);
        Assert.Contains("--results, --spot need --scanner launch", error);
    }

    [Fact]
    public void The_worker_refuses_a_results_location_outside_the_policys_buckets()
    {
        using var cli = new CliRun();

        var (code, _, error) = cli.Run("vm-scan", "worker", "--scan-id", "vm-20261126T013000-1a2b3c", "--results", "s3://other/p", "--region", "eu-west-1");

        Assert.Equal(1, code);
        Assert.Contains("argus-vm-scan-*", error);
    }
}
