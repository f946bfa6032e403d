using Argus.Aws.Tests.Client;

namespace Argus.Cli.Tests;

/// <summary>'argus vm-scan': the dry run reads and prints, the cleanup lists without changing anything.</summary>
[Collection(nameof(AwsEnvironment))]
public sealed class VmScanCommandTests
{
    private const string Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static Answer Account(SeenRequest r)
    {
        if (r.Headers.TryGetValue("x-amz-target", out var target))
        {
            return target.EndsWith("DescribeKey", StringComparison.Ordinal)
                ? Answer.Json("""{"KeyMetadata":{"KeyId":"k1","Arn":"arn:aws:kms:eu-west-1:111122223333:key/k1","KeyManager":"CUSTOMER","KeyState":"Enabled"}}""")
                : Answer.Json("""{"__type":"AccessDeniedException","message":"no"}""", 400);
        }

        return r.Form["Action"] switch
        {
            "GetCallerIdentity" => Answer.Xml("""<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:sts::111122223333:assumed-role/ArgusOperator/me</Arn><UserId>AROA:me</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"""),
            "DescribeInstances" when r.Form.GetValueOrDefault("Filter.1.Name") == "tag:argus:owner" => Answer.Xml($"""<DescribeInstancesResponse xmlns="{Ec2}"><reservationSet/></DescribeInstancesResponse>"""),
            "DescribeVpcs" or "DescribeSubnets" or "DescribeInternetGateways" or "DescribeRouteTables" or "DescribeSecurityGroups" => Answer.Xml($"""<{r.Form["Action"]}Response xmlns="{Ec2}"/>"""),
            "DescribeInstances" => Answer.Xml($"""
                <DescribeInstancesResponse xmlns="{Ec2}"><reservationSet><item><instancesSet><item>
                <instanceId>i-0web</instanceId><instanceState><code>16</code><name>running</name></instanceState>
                <placement><availabilityZone>eu-west-1a</availabilityZone></placement>
                <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-0root</volumeId></ebs></item><item><deviceName>/dev/xvdb</deviceName><ebs><volumeId>vol-0data</volumeId></ebs></item></blockDeviceMapping>
                <tagSet><item><key>Name</key><value>web</value></item></tagSet></item></instancesSet></item></reservationSet></DescribeInstancesResponse>
                """),
            "DescribeVolumes" when r.Form.GetValueOrDefault("Filter.1.Name") == "tag:argus:owner" => Answer.Xml($"""<DescribeVolumesResponse xmlns="{Ec2}"><volumeSet/></DescribeVolumesResponse>"""),
            "DescribeVolumes" => Answer.Xml($"""
                <DescribeVolumesResponse xmlns="{Ec2}"><volumeSet>
                <item><volumeId>vol-0root</volumeId><size>8</size><encrypted>true</encrypted><kmsKeyId>arn:aws:kms:eu-west-1:111122223333:key/k1</kmsKeyId><tagSet/></item>
                <item><volumeId>vol-0data</volumeId><size>100</size><encrypted>false</encrypted><tagSet/></item>
                </volumeSet></DescribeVolumesResponse>
                """),
            "DescribeSnapshots" => Answer.Xml($"""<DescribeSnapshotsResponse xmlns="{Ec2}"><snapshotSet/></DescribeSnapshotsResponse>"""),
            _ => Answer.Xml("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>not in this test</Message></Error></Errors></Response>", 403),
        };
    }

    private static (int, string, string) Run(LocalAwsServer server, CliRun cli, params string[] args) => AwsEnvironmentVariables.RunAgainst(server.Endpoint, cli, args);

    [Fact]
    public void The_dry_run_prints_the_plan_the_writes_and_the_permissions_and_changes_nothing()
    {
        using var server = new LocalAwsServer(Account);
        using var cli = new CliRun();

        var (code, output, error) = Run(server, cli, "vm-scan", "run", "--regions", "eu-west-1", "--tag", "Name=web");

        Assert.True(code == 0, output + error);
        Assert.Contains("i-0web", output);
        Assert.Contains("customer managed key (grant)", output);
        Assert.Contains("kms:CreateGrant", output);
        Assert.Contains("ebs:GetSnapshotBlock", output);
        Assert.Contains("Dry run: nothing was changed", output);
        Assert.DoesNotContain("cli-test-secret", output + error);
        var actions = server.Requests.Select(r => r.Headers.TryGetValue("x-amz-target", out var t) ? t : r.Form["Action"]).Distinct().Order().ToList();
        Assert.Equal(["DescribeInstances", "DescribeVolumes", "GetCallerIdentity", "TrentService.DescribeKey"], actions);
        Assert.Contains(server.Requests, r => r.Form.GetValueOrDefault("Filter.2.Name") == "tag:Name" && r.Form.GetValueOrDefault("Filter.2.Value.1") == "web");
    }

    [Fact]
    public void Cleanup_without_execute_lists_and_finds_nothing_here()
    {
        using var server = new LocalAwsServer(Account);
        using var cli = new CliRun();

        var (code, output, error) = Run(server, cli, "vm-scan", "cleanup", "--regions", "eu-west-1", "--older-than", "2h");

        Assert.True(code == 0, output + error);
        Assert.Contains("Nothing left by Argus VM scans", output);
        Assert.All(server.Requests.Where(r => r.Form.ContainsKey("Action")), r => Assert.StartsWith(r.Form["Action"] == "GetCallerIdentity" ? "Get" : "Describe", r.Form["Action"], StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.Form.GetValueOrDefault("Filter.1.Name") == "tag:argus:owner");
    }

    [Fact]
    public void Resume_of_an_unknown_scan_says_how_to_clean_up()
    {
        using var server = new LocalAwsServer(Account);
        using var cli = new CliRun();

        var (code, _, error) = Run(server, cli, "vm-scan", "resume", "vm-20260101T000000-abcdef", "--execute");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("vm-scan cleanup --scan-id vm-20260101T000000-abcdef", error);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("vm-scan")]
    [InlineData("vm-scan run")]
    [InlineData("vm-scan resume")]
    [InlineData("vm-scan cleanup")]
    public void Every_vm_scan_command_explains_itself_with_examples(string command)
    {
        using var cli = new CliRun();

        var (code, output, _) = cli.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("Examples:", output);
        Assert.Contains("argus " + command, output);
        Assert.Matches(@"(?m)^  vm-scan +\S.*\.$", cli.Run("--help").Out);
    }
}
