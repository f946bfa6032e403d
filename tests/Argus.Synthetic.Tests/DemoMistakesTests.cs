using System.Globalization;
using System.Text;
using System.Text.Json;
using Argus.Core.Model;
using static Argus.Synthetic.Tests.GeneratedOrganization;

namespace Argus.Synthetic.Tests;

/// <summary>Each mistake docs/demo-environment.md lists is in the raw documents, where a check would look for it.</summary>
public sealed class DemoMistakesTests
{
    private const string Region = "eu-west-1";
    private static readonly DateTimeOffset Collected = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly GeneratedOrganization demo = GeneratedOrganization.Of("demo");

    private string Prod => demo.AccountNamed("acme-prod");

    private string Dev => demo.AccountNamed("acme-dev");

    private JsonElement Instance(string account, string name) =>
        demo.Items(account, Region, "DescribeInstances", "Reservations")
            .SelectMany(r => r.GetProperty("Instances").EnumerateArray())
            .Single(i => Tag(i, "Name") == name);

    private JsonElement Group(string account, string name) =>
        demo.Items(account, Region, "DescribeSecurityGroups", "SecurityGroups").Single(g => Str(g, "GroupName") == name);

    private static bool OpenTo(JsonElement group, int port, string cidr) =>
        group.GetProperty("IpPermissions").EnumerateArray().Any(rule =>
            Str(rule, "IpProtocol") == "tcp" && rule.GetProperty("FromPort").GetInt32() <= port && rule.GetProperty("ToPort").GetInt32() >= port &&
            (cidr.Contains(':')
                ? rule.GetProperty("Ipv6Ranges").EnumerateArray().Any(r => Str(r, "CidrIpv6") == cidr)
                : rule.GetProperty("IpRanges").EnumerateArray().Any(r => Str(r, "CidrIp") == cidr)));

    private static IEnumerable<string> GroupIds(JsonElement instance) =>
        instance.GetProperty("SecurityGroups").EnumerateArray().Select(g => Str(g, "GroupId"));

    private JsonElement RouteTableOf(string account, string subnet) =>
        demo.Items(account, Region, "DescribeRouteTables", "RouteTables")
            .Single(t => t.GetProperty("Associations").EnumerateArray().Any(a => a.TryGetProperty("SubnetId", out var s) && s.GetString() == subnet));

    private Dictionary<string, string>[] CredentialReport(string account)
    {
        var content = Str(demo.Get(account, Regions.Global, "GetCredentialReport"), "Content");
        var lines = Encoding.UTF8.GetString(Convert.FromBase64String(content)).Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(["user", "arn", "user_creation_time", "password_enabled", "password_last_used"], header[..5]);
        Assert.Contains("mfa_active", header);
        Assert.Contains("access_key_1_last_rotated", header);
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToArray();
    }

    [Fact]
    public void Ssh_is_open_to_the_internet_on_the_bastion()
    {
        var bastion = Instance(Prod, "bastion");
        var group = Group(Prod, "bastion-ssh");

        Assert.True(OpenTo(group, 22, "0.0.0.0/0"));
        Assert.Contains(Str(group, "GroupId"), GroupIds(bastion));
        Assert.True(bastion.TryGetProperty("PublicIpAddress", out _));
    }

    [Fact]
    public void Rdp_is_open_to_every_ipv4_and_ipv6_address_on_the_windows_jump_host()
    {
        var jump = Instance(Dev, "dev-jump-win");
        var group = Group(Dev, "rdp-admin");

        Assert.True(OpenTo(group, 3389, "0.0.0.0/0"));
        Assert.True(OpenTo(group, 3389, "::/0"));
        Assert.Contains(Str(group, "GroupId"), GroupIds(jump));
        Assert.Equal("windows", Str(jump, "Platform"));
        Assert.True(jump.TryGetProperty("PublicIpAddress", out _));
    }

    [Fact]
    public void The_payments_database_is_reachable_from_the_internet()
    {
        var database = Instance(Prod, "payments-db");
        var group = Group(Prod, "payments-db");
        var subnet = demo.Items(Prod, Region, "DescribeSubnets", "Subnets").Single(s => Str(s, "SubnetId") == Str(database, "SubnetId"));
        var routes = RouteTableOf(Prod, Str(subnet, "SubnetId")).GetProperty("Routes").EnumerateArray();
        var gateways = demo.Items(Prod, Region, "DescribeInternetGateways", "InternetGateways").Select(g => Str(g, "InternetGatewayId"));

        Assert.True(OpenTo(group, 5432, "0.0.0.0/0"));
        Assert.Contains(Str(group, "GroupId"), GroupIds(database));
        Assert.True(database.TryGetProperty("PublicIpAddress", out _));
        Assert.Equal("public", Tag(subnet, "tier"));
        Assert.Contains(routes, r => r.TryGetProperty("DestinationCidrBlock", out var d) && d.GetString() == "0.0.0.0/0" && gateways.Contains(Str(r, "GatewayId")));
    }

    [Fact]
    public void A_ci_runner_has_an_unencrypted_data_volume()
    {
        var runner = Instance(Dev, "dev-ci-runner-1");
        var volume = demo.Items(Dev, Region, "DescribeVolumes", "Volumes").Single(v => Tag(v, "Name") == "ci-scratch");

        Assert.False(volume.GetProperty("Encrypted").GetBoolean());
        Assert.False(volume.TryGetProperty("KmsKeyId", out _));
        Assert.Equal(Str(runner, "InstanceId"), Str(volume.GetProperty("Attachments")[0], "InstanceId"));
        var encrypted = demo.AllItems("DescribeVolumes", "Volumes").Count(v => !v.Item.GetProperty("Encrypted").GetBoolean());
        Assert.Equal(1, encrypted);
    }

    [Fact]
    public void The_dev_root_user_has_no_mfa_and_the_others_do()
    {
        Assert.Equal(0, demo.Get(Dev, Regions.Global, "GetAccountSummary").GetProperty("SummaryMap").GetProperty("AccountMFAEnabled").GetInt32());
        Assert.Equal("false", CredentialReport(Dev).Single(r => r["user"] == "<root_account>")["mfa_active"]);
        Assert.Equal(1, demo.Get(Prod, Regions.Global, "GetAccountSummary").GetProperty("SummaryMap").GetProperty("AccountMFAEnabled").GetInt32());
        Assert.Equal("true", CredentialReport(Prod).Single(r => r["user"] == "<root_account>")["mfa_active"]);
    }

    [Fact]
    public void The_marketing_bucket_is_public()
    {
        const string bucket = "acme-prod-marketing-assets";
        Assert.Contains(bucket, demo.Items(Prod, Regions.Global, "ListBuckets", "Buckets").Select(b => Str(b, "Name")));

        using var policy = JsonDocument.Parse(Str(demo.Get(Prod, Regions.Global, "GetBucketPolicy", bucket), "Policy"));
        var statement = Assert.Single(policy.RootElement.GetProperty("Statement").EnumerateArray());
        Assert.Equal("Allow", Str(statement, "Effect"));
        Assert.Equal("*", Str(statement, "Principal"));
        Assert.True(demo.Get(Prod, Regions.Global, "GetBucketPolicyStatus", bucket).GetProperty("PolicyStatus").GetProperty("IsPublic").GetBoolean());
        var block = demo.Get(Prod, Regions.Global, "GetPublicAccessBlock", bucket).GetProperty("PublicAccessBlockConfiguration");
        Assert.All(block.EnumerateObject(), setting => Assert.False(setting.Value.GetBoolean()));
        Assert.Equal(1, demo.AllItems("ListBuckets", "Buckets").Count(b => demo.Find(b.Document.Account, Regions.Global, "GetBucketPolicyStatus", Str(b.Item, "Name")) is { } status && status.GetProperty("PolicyStatus").GetProperty("IsPublic").GetBoolean()));
    }

    [Fact]
    public void Buckets_without_a_policy_have_no_policy_document()
    {
        var withoutPolicy = "acme-prod-artifacts";

        Assert.Contains(withoutPolicy, demo.Items(Prod, Regions.Global, "ListBuckets", "Buckets").Select(b => Str(b, "Name")));
        Assert.Null(demo.Find(Prod, Regions.Global, "GetBucketPolicy", withoutPolicy));
        Assert.Null(demo.Find(Prod, Regions.Global, "GetBucketPolicyStatus", withoutPolicy));
        Assert.NotNull(demo.Find(Prod, Regions.Global, "GetBucketEncryption", withoutPolicy));
    }

    [Fact]
    public void An_access_key_was_last_rotated_more_than_400_days_ago_and_last_used_long_ago()
    {
        var row = CredentialReport(Dev).Single(r => r["user"] == "ci-legacy");
        var key = Assert.Single(demo.Get(Dev, Regions.Global, "ListAccessKeys", "ci-legacy").GetProperty("AccessKeyMetadata").EnumerateArray());

        Assert.Equal("true", row["access_key_1_active"]);
        Assert.True((Collected - DateTimeOffset.Parse(row["access_key_1_last_rotated"], CultureInfo.InvariantCulture)).TotalDays > 400);
        Assert.True((Collected - DateTimeOffset.Parse(row["access_key_1_last_used_date"], CultureInfo.InvariantCulture)).TotalDays > 365);
        Assert.Equal("Active", Str(key, "Status"));
        Assert.Equal(DateTimeOffset.Parse(row["access_key_1_last_rotated"], CultureInfo.InvariantCulture), DateTimeOffset.Parse(Str(key, "CreateDate"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_legacy_reporting_instance_still_allows_imdsv1()
    {
        var options = Instance(Prod, "legacy-reporting-1").GetProperty("MetadataOptions");

        Assert.Equal("optional", Str(options, "HttpTokens"));
        Assert.Equal("enabled", Str(options, "HttpEndpoint"));
        var optional = demo.AllItems("DescribeInstances", "Reservations").SelectMany(r => r.Item.GetProperty("Instances").EnumerateArray())
            .Where(i => Str(i.GetProperty("MetadataOptions"), "HttpTokens") == "optional").Select(i => Tag(i, "Name"));
        Assert.Equal(["legacy-reporting-1"], optional);
    }

    [Fact]
    public void The_dev_vpc_has_no_flow_logs_while_the_other_workload_vpcs_have()
    {
        var devVpc = demo.Items(Dev, Region, "DescribeVpcs", "Vpcs").Single(v => Tag(v, "Name") == "dev-vpc");
        var prodVpc = demo.Items(Prod, Region, "DescribeVpcs", "Vpcs").Single(v => Tag(v, "Name") == "prod-vpc");

        Assert.DoesNotContain(Str(devVpc, "VpcId"), demo.Items(Dev, Region, "DescribeFlowLogs", "FlowLogs").Select(f => Str(f, "ResourceId")));
        Assert.Contains(Str(prodVpc, "VpcId"), demo.Items(Prod, Region, "DescribeFlowLogs", "FlowLogs").Select(f => Str(f, "ResourceId")));
    }

    [Fact]
    public void The_production_vpcs_default_security_group_kept_its_rules()
    {
        var prodVpc = Str(demo.Items(Prod, Region, "DescribeVpcs", "Vpcs").Single(v => Tag(v, "Name") == "prod-vpc"), "VpcId");
        var groups = demo.Items(Prod, Region, "DescribeSecurityGroups", "SecurityGroups").Where(g => Str(g, "GroupName") == "default").ToList();
        var prodDefault = groups.Single(g => Str(g, "VpcId") == prodVpc);
        var devDefault = demo.Items(Dev, Region, "DescribeSecurityGroups", "SecurityGroups").Single(g => Str(g, "GroupName") == "default");

        Assert.NotEqual(0, prodDefault.GetProperty("IpPermissions").GetArrayLength());
        Assert.NotEqual(0, prodDefault.GetProperty("IpPermissionsEgress").GetArrayLength());
        Assert.Equal(0, devDefault.GetProperty("IpPermissions").GetArrayLength());
        Assert.Equal(0, devDefault.GetProperty("IpPermissionsEgress").GetArrayLength());
    }

    [Fact]
    public void A_prod_user_has_administrator_access_attached_directly()
    {
        var details = demo.Get(Prod, Regions.Global, "GetAccountAuthorizationDetails");
        var user = details.GetProperty("UserDetailList").EnumerateArray().Single(u => Str(u, "UserName") == "deploy-bot");

        Assert.Contains("arn:aws:iam::aws:policy/AdministratorAccess", user.GetProperty("AttachedManagedPolicies").EnumerateArray().Select(p => Str(p, "PolicyArn")));
        var policy = details.GetProperty("Policies").EnumerateArray().Single(p => Str(p, "PolicyName") == "AdministratorAccess");
        var document = policy.GetProperty("PolicyVersionList")[0].GetProperty("Document");
        Assert.Equal("*", Str(document.GetProperty("Statement")[0], "Action"));
        Assert.True(policy.GetProperty("AttachmentCount").GetInt32() >= 2);
    }

    [Fact]
    public void A_contractor_user_has_not_signed_in_for_almost_two_years()
    {
        var row = CredentialReport(Dev).Single(r => r["user"] == "contractor-jsmith");
        var listed = demo.Items(Dev, Regions.Global, "ListUsers", "Users").Single(u => Str(u, "UserName") == "contractor-jsmith");

        Assert.Equal("true", row["password_enabled"]);
        Assert.Equal("false", row["mfa_active"]);
        Assert.True((Collected - DateTimeOffset.Parse(row["password_last_used"], CultureInfo.InvariantCulture)).TotalDays > 700);
        Assert.Equal(DateTimeOffset.Parse(row["password_last_used"], CultureInfo.InvariantCulture), DateTimeOffset.Parse(Str(listed, "PasswordLastUsed"), CultureInfo.InvariantCulture));
        Assert.Equal("false", row["access_key_1_active"]);
    }

    [Fact]
    public void The_dev_account_has_no_password_policy()
    {
        Assert.Null(demo.Find(Dev, Regions.Global, "GetAccountPasswordPolicy"));
        Assert.NotNull(demo.Find(Prod, Regions.Global, "GetAccountPasswordPolicy"));
    }

    [Fact]
    public void Auto_scaled_fleets_carry_their_group_name_and_sit_behind_the_load_balancers()
    {
        var web = demo.Items(Prod, Region, "DescribeInstances", "Reservations").SelectMany(r => r.GetProperty("Instances").EnumerateArray())
            .Where(i => Tag(i, "aws:autoscaling:groupName") == "prod-web-asg").ToList();
        var group = demo.Items(Prod, Region, "DescribeTargetGroups", "TargetGroups").Single(t => Str(t, "TargetGroupName") == "prod-web");
        var targets = demo.Get(Prod, Region, "DescribeTargetHealth", Str(group, "TargetGroupArn")).GetProperty("TargetHealthDescriptions").EnumerateArray()
            .Select(t => Str(t.GetProperty("Target"), "Id"));
        var balancer = demo.Items(Prod, Region, "DescribeLoadBalancers", "LoadBalancers").Single(b => Str(b, "Type") == "application");

        Assert.NotEmpty(web);
        Assert.Equal(web.Select(i => Str(i, "InstanceId")).Order(), targets.Order());
        Assert.Equal("internet-facing", Str(balancer, "Scheme"));
        Assert.Contains(demo.Items(Prod, Region, "DescribeLoadBalancers", "LoadBalancers"), b => Str(b, "Type") == "network" && Str(b, "Scheme") == "internal");
    }
}
