using Argus.Aws.Tests.Client;

namespace Argus.Cli.Tests;

/// <summary>'argus vm-scan run --org|--accounts': the organization's accounts are planned through their assumed roles; bad account lists are usage errors.</summary>
[Collection(nameof(AwsEnvironment))]
public sealed class VmScanAccountsCommandTests
{
    private const string Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static Answer Organization(SeenRequest r)
    {
        if (r.Headers.TryGetValue("x-amz-target", out var target))
        {
            return target.EndsWith("ListAccounts", StringComparison.Ordinal)
                ? Answer.Json("""{"Accounts":[{"Id":"111122223333","Status":"ACTIVE"},{"Id":"444455556666","Status":"ACTIVE"},{"Id":"777788889999","Status":"ACTIVE"},{"Id":"555555555555","Status":"SUSPENDED"}]}""")
                : Answer.Json("""{"__type":"AccessDeniedException","message":"no"}""", 400);
        }

        var member = r.Headers.GetValueOrDefault("authorization", "").Contains("ASIAMEMBER", StringComparison.Ordinal);
        var (instance, volume) = member ? ("i-0member", "vol-0member") : ("i-0home", "vol-0home");
        return r.Form["Action"] switch
        {
            "GetCallerIdentity" => Answer.Xml("""<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:sts::111122223333:assumed-role/ArgusOperator/me</Arn><UserId>AROA:me</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"""),
            "AssumeRole" when r.Form["RoleArn"] == "arn:aws:iam::444455556666:role/ArgusOperator" => Answer.Xml("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                <AssumedRoleUser><Arn>arn:aws:sts::444455556666:assumed-role/ArgusOperator/argus</Arn><AssumedRoleId>ARO:argus</AssumedRoleId></AssumedRoleUser>
                <Credentials><AccessKeyId>ASIAMEMBER</AccessKeyId><SecretAccessKey>member-secret</SecretAccessKey><SessionToken>member-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                </AssumeRoleResult></AssumeRoleResponse>
                """),
            "DescribeInstances" => Answer.Xml($"""
                <DescribeInstancesResponse xmlns="{Ec2}"><reservationSet><item><instancesSet><item>
                <instanceId>{instance}</instanceId><instanceState><code>16</code><name>running</name></instanceState><placement><availabilityZone>eu-west-1a</availabilityZone></placement>
                <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>{volume}</volumeId></ebs></item></blockDeviceMapping><tagSet/></item></instancesSet></item></reservationSet></DescribeInstancesResponse>
                """),
            "DescribeVolumes" => Answer.Xml($"""<DescribeVolumesResponse xmlns="{Ec2}"><volumeSet><item><volumeId>{volume}</volumeId><size>8</size><encrypted>false</encrypted><tagSet/></item></volumeSet></DescribeVolumesResponse>"""),
            _ => Answer.Xml("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>not in this test</Message></Error></Errors></Response>", 403),
        };
    }

    private static (int, string, string) Run(LocalAwsServer server, CliRun cli, params string[] args) => AwsEnvironmentVariables.RunAgainst(server.Endpoint, cli, args);

    [Fact]
    public void The_org_dry_run_plans_every_active_account_but_the_excluded_through_its_role()
    {
        using var server = new LocalAwsServer(Organization);
        using var cli = new CliRun();

        var (code, output, error) = Run(server, cli, "vm-scan", "run", "--regions", "eu-west-1", "--org", "--exclude-accounts", "777788889999", "--external-id", "ext-1");

        Assert.True(code == 0, output + error);
        Assert.Contains("2 instances, 2 volumes", output);
        Assert.Contains("i-0home", output);
        Assert.Contains("i-0member", output);
        Assert.Contains("444455556666", output);
        Assert.DoesNotContain("777788889999", output);
        Assert.DoesNotContain("member-secret", output + error);
        var assumed = Assert.Single(server.Requests, r => r.Form.GetValueOrDefault("Action") == "AssumeRole");
        Assert.Equal("ext-1", assumed.Form["ExternalId"]);
    }

    [Theory]
    [InlineData("--accounts 1234,444455556666", "'1234' at character 1 is not a 12-digit account id")]
    [InlineData("--accounts 444455556666 --org", "exclude each other")]
    [InlineData("--exclude-accounts 444455556666", "--exclude-accounts needs --org or --accounts")]
    [InlineData("--accounts 444455556666 --exclude-accounts 444455556666", "leaves none of --accounts")]
    [InlineData("--org --role-arn arn:aws:iam::444455556666:role/ArgusOperator", "leave out --role-arn")]
    public void Bad_account_selections_are_usage_errors(string extra, string expected)
    {
        using var server = new LocalAwsServer(Organization);
        using var cli = new CliRun();

        var (code, output, error) = Run(server, cli, ["vm-scan", "run", "--regions", "eu-west-1", .. extra.Split(' ')]);

        Assert.True(code == 1, $"exit {code}: {output}{error}");
        Assert.Contains(expected, error);
        Assert.Empty(server.Requests);
    }
}
