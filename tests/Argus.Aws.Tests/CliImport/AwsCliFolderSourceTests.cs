using System.Text;
using System.Text.Json.Nodes;
using Argus.Aws.CliImport;
using Argus.Aws.Operations;
using Argus.Core.Import;
using Argus.Core.Model;
using Argus.Tests;

namespace Argus.Aws.Tests.CliImport;

public sealed class AwsCliFolderSourceTests
{
    private const string Vpcs = """{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111111111111", "CidrBlock": "10.0.0.0/16"}]}""";
    private const string Subnets = """{"Subnets": [{"SubnetId": "subnet-1", "AvailabilityZone": "eu-west-1a", "OwnerId": "111111111111"}]}""";

    [Theory]
    [InlineData("test-public-subnet")]
    [InlineData("test-public-private-subnet")]
    [InlineData("test-nat-gateway")]
    public void Real_fixtures_import_cleanly_with_account_and_region_read_from_the_data(string name)
    {
        var folder = TestPaths.Fixture("aws-network", name);
        var files = Directory.GetFiles(Path.Combine(folder, "aws_configs"), "*.json").Order(StringComparer.Ordinal).ToList();
        var source = new AwsCliFolderSource(folder, null, null);

        var documents = source.ReadDocuments().ToList();

        Assert.DoesNotContain(source.Notices, n => n.Kind != ImportNoticeKind.Inferred && !n.Message.Contains("never stores credentials", StringComparison.Ordinal));
        Assert.Equal(files.Count, documents.Count);
        Assert.All(documents, d => Assert.Equal(("554773406868", "us-east-2", Provider.Aws, "ec2"), (d.Account, d.Region, d.Provider, d.Service)));
        Assert.Contains(source.Notices, n => n.Kind == ImportNoticeKind.Inferred && n.Message.StartsWith("account 554773406868", StringComparison.Ordinal));
        Assert.Contains(source.Notices, n => n.Kind == ImportNoticeKind.Inferred && n.Message.StartsWith($"region us-east-2 for {files.Count} files", StringComparison.Ordinal));
        foreach (var file in files)
        {
            // Batfish names each file after the answer's item key (Vpcs.json holds {"Vpcs": [...]}).
            var operation = AwsOperations.All.Single(o => o.ItemKey == Path.GetFileNameWithoutExtension(file) && o.Service == "ec2");
            var document = Assert.Single(documents, d => d.Operation == operation.Operation);
            var expected = Argus.Aws.Redaction.SecretRedactor.Redact(operation, File.ReadAllBytes(file)).Json;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(document.Json.Span)), file);
        }

        Assert.Equal("aws-cli:" + folder, source.Description);
        Assert.Null(source.Header.Id);
        Assert.Null(source.Header.Label);
    }

    [Fact]
    public void Nat_gateway_fixture_account_ignores_the_peer_account_named_by_a_requester()
    {
        var source = new AwsCliFolderSource(TestPaths.Fixture("aws-network", "test-nat-gateway"), null, null);

        var nat = source.ReadDocuments().Single(d => d.Operation == "DescribeNatGateways");

        Assert.Equal(("554773406868", "us-east-2"), (nat.Account, nat.Region));
        Assert.DoesNotContain(source.Notices, n => n.Message.Contains("062328495474", StringComparison.Ordinal) && n.Kind != ImportNoticeKind.Inferred);
    }

    [Fact]
    public void Account_and_region_folders_say_where_files_belong()
    {
        using var folder = new CliFolder();
        folder.Write("aws_configs/accounts/222222222222/eu-west-1/vpcs.json", Vpcs);
        folder.Write("aws_configs/accounts/222222222222/us-east-1/ec2/sgs.json", """{"SecurityGroups": []}""");
        folder.Write("aws_configs/accounts/333333333333/iam/users.json", """{"Users": [{"UserName": "alice", "Arn": "arn:aws:iam::333333333333:user/alice"}]}""");

        var source = new AwsCliFolderSource(folder.Root, null, null);
        var documents = source.ReadDocuments().Select(d => d.ToString()).ToList();

        Assert.Equal(
            ["aws/222222222222/eu-west-1/ec2/DescribeVpcs", "aws/222222222222/us-east-1/ec2/DescribeSecurityGroups", "aws/333333333333/global/iam/ListUsers"],
            documents);
        Assert.DoesNotContain(source.Notices, n => n.Kind == ImportNoticeKind.Inferred);
        Assert.Contains(source.Notices, n => n.Kind == ImportNoticeKind.Warning && n.Message.Contains("222222222222", StringComparison.Ordinal) && n.Message.Contains("111111111111", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_give_the_account_and_region_of_files_the_folders_do_not_place()
    {
        using var folder = new CliFolder();
        folder.Write("vpcs.json", """{"Vpcs": []}""");
        folder.Write("accounts/444444444444/vpcs.json", """{"Vpcs": []}""");
        folder.Write("eu-north-1/vpcs.json", """{"Vpcs": []}""");

        var source = new AwsCliFolderSource(folder.Root, "111111111111", "ap-south-1");

        Assert.Equal(
            ["aws/111111111111/ap-south-1/ec2/DescribeVpcs", "aws/111111111111/eu-north-1/ec2/DescribeVpcs", "aws/444444444444/ap-south-1/ec2/DescribeVpcs"],
            source.ReadDocuments().Select(d => d.ToString()).ToList());
        Assert.Empty(source.Notices);
    }

    [Fact]
    public void The_folder_may_be_aws_configs_itself_or_hold_answers_directly()
    {
        using var folder = new CliFolder();
        folder.Write("aws_configs/deep/er/vpcs.json", Vpcs);
        folder.Write("aws_configs/subnets.json", Subnets);
        folder.Write("outside.json", """{"SecurityGroups": []}""");

        var viaParent = new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().Select(d => d.ToString()).ToList();
        var direct = new AwsCliFolderSource(Path.Combine(folder.Root, "aws_configs"), null, null).ReadDocuments().Select(d => d.ToString()).ToList();

        Assert.Equal(["aws/111111111111/eu-west-1/ec2/DescribeSubnets", "aws/111111111111/eu-west-1/ec2/DescribeVpcs"], viaParent);
        Assert.Equal(viaParent, direct);
    }

    [Fact]
    public void Global_operations_go_to_global_whatever_folder_they_are_in()
    {
        using var folder = new CliFolder();
        folder.Write("us-east-1/buckets.json", """{"Buckets": [{"Name": "logs"}], "Owner": {"ID": "abc"}}""");
        folder.Write("us-east-1/vpcs.json", Vpcs);

        var documents = new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().ToList();

        Assert.Equal(Regions.Global, documents.Single(d => d.Operation == "ListBuckets").Region);
        Assert.Equal("us-east-1", documents.Single(d => d.Operation == "DescribeVpcs").Region);
    }

    [Fact]
    public void A_regional_answer_in_the_global_folder_is_refused()
    {
        using var folder = new CliFolder();
        var path = folder.Write("global/vpcs.json", Vpcs);

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("<region>/ folder", e.Message);
    }

    [Fact]
    public void Per_resource_answers_take_their_resource_from_a_parameter_folder()
    {
        using var folder = new CliFolder();
        folder.Write("global/s3/Bucket=my-logs/policy.json", """{"Policy": "{\"Version\":\"2012-10-17\"}"}""");
        folder.Write("global/s3/Bucket=my-logs/acl.json", """{"Owner": {"ID": "x"}, "Grants": []}""");
        folder.Write("us-east-1/TargetGroupArn=arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup%2Fweb%2F6d0ecf831eec9f09/health.json",
            """{"TargetHealthDescriptions": [{"Target": {"Id": "i-1", "Port": 80}, "TargetHealth": {"State": "healthy"}}]}""");
        folder.Write("global/ParentId=ou-ab12-cdef3456/accounts.json", """{"Accounts": [{"Id": "111111111111", "Arn": "arn:aws:organizations::999999999999:account/o-1/111111111111"}]}""");
        folder.Write("global/accounts.json", """{"Accounts": []}""");

        var documents = new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().Select(d => d.ToString()).ToList();

        Assert.Equal(
            [
                "aws/111111111111/global/organizations/ListAccounts",
                "aws/111111111111/global/organizations/ListAccountsForParent[ou-ab12-cdef3456]",
                "aws/111111111111/global/s3/GetBucketAcl[my-logs]",
                "aws/111111111111/global/s3/GetBucketPolicy[my-logs]",
                "aws/111111111111/us-east-1/elbv2/DescribeTargetHealth[arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/6d0ecf831eec9f09]",
            ],
            documents);
    }

    [Fact]
    public void Network_firewall_answers_are_recognised_in_their_arn_folders()
    {
        using var folder = new CliFolder();
        folder.Write("eu-west-1/firewalls.json", """{"Firewalls": [{"FirewallName": "inspection", "FirewallArn": "arn:aws:network-firewall:eu-west-1:111111111111:firewall/inspection"}]}""");
        folder.Write("eu-west-1/FirewallArn=arn:aws:network-firewall:eu-west-1:111111111111:firewall%2Finspection/firewall.json",
            """{"UpdateToken": "t", "Firewall": {"FirewallName": "inspection", "VpcId": "vpc-1"}, "FirewallStatus": {"Status": "READY"}}""");
        folder.Write("eu-west-1/FirewallPolicyArn=arn:aws:network-firewall:eu-west-1:111111111111:firewall-policy%2Fp/policy.json",
            """{"UpdateToken": "t", "FirewallPolicyResponse": {"FirewallPolicyName": "p"}, "FirewallPolicy": {"StatelessDefaultActions": ["aws:forward_to_sfe"]}}""");
        folder.Write("eu-west-1/RuleGroupArn=arn:aws:network-firewall:eu-west-1:111111111111:stateful-rulegroup%2Fweb/group.json",
            """{"UpdateToken": "t", "RuleGroup": {"RulesSource": {"StatefulRules": []}}, "RuleGroupResponse": {"RuleGroupName": "web", "Type": "STATEFUL"}}""");

        var documents = new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().Select(d => d.ToString()).ToList();

        Assert.Equal(
            [
                "aws/111111111111/eu-west-1/network-firewall/DescribeFirewall[arn:aws:network-firewall:eu-west-1:111111111111:firewall/inspection]",
                "aws/111111111111/eu-west-1/network-firewall/DescribeFirewallPolicy[arn:aws:network-firewall:eu-west-1:111111111111:firewall-policy/p]",
                "aws/111111111111/eu-west-1/network-firewall/DescribeRuleGroup[arn:aws:network-firewall:eu-west-1:111111111111:stateful-rulegroup/web]",
                "aws/111111111111/eu-west-1/network-firewall/ListFirewalls",
            ],
            documents);
    }

    [Fact]
    public void A_per_resource_answer_outside_its_parameter_folder_is_refused_with_the_convention()
    {
        using var folder = new CliFolder();
        var path = folder.Write("global/s3/my-logs/policy.json", """{"Policy": "{}"}""");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("aws s3api get-bucket-policy", e.Message);
        Assert.Contains("Bucket=<value>/", e.Message);
    }

    [Fact]
    public void A_key_policy_and_a_bucket_policy_are_told_apart_by_their_parameter_folder()
    {
        using var folder = new CliFolder();
        folder.Write("global/s3/Bucket=my-logs/policy.json", """{"Policy": "{}"}""");
        folder.Write("eu-west-1/kms/KeyId=1234abcd-12ab-34cd-56ef-1234567890ab/policy.json", """{"Policy": "{}", "PolicyName": "default"}""");
        var path = folder.Write("eu-west-1/kms/policy.json", """{"Policy": "{}"}""");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().ToList());
        Assert.Equal(path, e.Path);
        Assert.Contains("aws s3api get-bucket-policy", e.Message);
        Assert.Contains("aws kms get-key-policy", e.Message);
        Assert.Contains("Bucket=<value>/", e.Message);
        Assert.Contains("KeyId=<value>/", e.Message);

        File.Delete(path);
        var documents = new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "aws/111111111111/eu-west-1/kms/GetKeyPolicy[1234abcd-12ab-34cd-56ef-1234567890ab]",
                "aws/111111111111/global/s3/GetBucketPolicy[my-logs]",
            ],
            documents);
    }

    [Fact]
    public void The_most_specific_operation_wins()
    {
        using var folder = new CliFolder();
        folder.Write("gaad.json", """{"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": [], "Marker": "x", "IsTruncated": false}""");
        folder.Write("policies.json", """{"Policies": [], "IsTruncated": false}""");

        var operations = new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().Select(d => d.Operation).ToList();

        Assert.Equal(["GetAccountAuthorizationDetails", "ListPolicies"], operations);
    }

    [Fact]
    public void Unrecognised_empty_and_non_json_files_are_listed_as_skipped_with_a_reason()
    {
        using var folder = new CliFolder();
        folder.Write("vpcs.json", Vpcs);
        folder.Write("notes.txt", "hello");
        folder.Write("tables.json", """{"TableNames": ["a"]}""");
        folder.Write("empty.json", "  \n");
        folder.Write("list.json", "[1, 2]");
        folder.Write("nothing.json", "{}");

        var source = new AwsCliFolderSource(folder.Root, null, "eu-west-1");
        Assert.Single(source.ReadDocuments());

        var skipped = source.Notices.Where(n => n.Kind == ImportNoticeKind.Skipped).ToDictionary(n => Path.GetFileName(n.Path), n => n.Message);
        Assert.Equal(["empty.json", "list.json", "notes.txt", "nothing.json", "tables.json"], skipped.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not a .json file", skipped["notes.txt"]);
        Assert.Contains("TableNames", skipped["tables.json"]);
        Assert.Contains("empty", skipped["empty.json"]);
        Assert.Contains("an array", skipped["list.json"]);
        Assert.Contains("no top-level keys", skipped["nothing.json"]);
    }

    [Fact]
    public void A_folder_without_any_answer_is_an_error()
    {
        using var folder = new CliFolder();
        folder.Write("notes.txt", "hello");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().ToList());

        Assert.Contains("none of the 1 files", e.Message);
    }

    [Fact]
    public void Malformed_json_names_the_file_line_and_column_before_any_document_is_handed_out()
    {
        using var folder = new CliFolder();
        folder.Write("a.json", Vpcs);
        var path = folder.Write("b.json", "{\"Subnets\": [\n  {\"SubnetId\": \"subnet-1\",\n  ]\n}");

        var source = new AwsCliFolderSource(folder.Root, "111111111111", "eu-west-1");
        using var documents = source.ReadDocuments().GetEnumerator();
        var e = Assert.Throws<ImportException>(() => documents.MoveNext());

        Assert.Equal(path, e.Path);
        Assert.Equal(3, e.Line);
        Assert.NotNull(e.Column);
        Assert.Contains("malformed JSON", e.Message);
    }

    [Fact]
    public void Pages_of_one_answer_are_merged_in_file_order()
    {
        using var folder = new CliFolder();
        folder.Write("eu-west-1/sgs-1.json", """{"SecurityGroups": [{"GroupId": "sg-1"}], "NextToken": "abc"}""");
        folder.Write("eu-west-1/sgs-2.json", """{"SecurityGroups": [{"GroupId": "sg-2"}, {"GroupId": "sg-3"}]}""");

        var source = new AwsCliFolderSource(folder.Root, "111111111111", null);
        var document = Assert.Single(source.ReadDocuments());

        Assert.Equal("""{"SecurityGroups":[{"GroupId":"sg-1"},{"GroupId":"sg-2"},{"GroupId":"sg-3"}]}""", Encoding.UTF8.GetString(document.Json.Span));
        Assert.Empty(source.Notices);
    }

    [Fact]
    public void A_last_page_that_promises_more_is_a_warning()
    {
        using var folder = new CliFolder();
        var path = folder.Write("eu-west-1/sgs.json", """{"SecurityGroups": [{"GroupId": "sg-1"}], "NextToken": "abc"}""");

        var source = new AwsCliFolderSource(folder.Root, "111111111111", null);
        var document = Assert.Single(source.ReadDocuments());

        Assert.Contains("NextToken", Encoding.UTF8.GetString(document.Json.Span));
        var warning = Assert.Single(source.Notices);
        Assert.Equal((ImportNoticeKind.Warning, path), (warning.Kind, warning.Path));
    }

    [Fact]
    public void Two_answers_that_are_not_lists_for_the_same_scope_are_an_error_naming_both()
    {
        using var folder = new CliFolder();
        var first = folder.Write("summary-1.json", """{"SummaryMap": {"Users": 1}}""");
        var second = folder.Write("summary-2.json", """{"SummaryMap": {"Users": 2}}""");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().ToList());

        Assert.Equal(second, e.Path);
        Assert.Contains(first, e.Message);
    }

    [Fact]
    public void Without_any_account_in_folders_options_or_data_the_import_asks_for_one()
    {
        using var folder = new CliFolder();
        folder.Write("eu-west-1/sgs.json", """{"SecurityGroups": []}""");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().ToList());

        Assert.Contains("--account", e.Message);
        Assert.Contains("the data names none", e.Message);
    }

    [Fact]
    public void Accounts_named_equally_often_are_not_guessed()
    {
        using var folder = new CliFolder();
        folder.Write("eu-west-1/vpcs.json", """{"Vpcs": [{"OwnerId": "111111111111"}, {"OwnerId": "222222222222"}]}""");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().ToList());

        Assert.Contains("equally", e.Message);
        Assert.Contains("--account", e.Message);
    }

    [Fact]
    public void Caller_identity_settles_the_account()
    {
        using var folder = new CliFolder();
        folder.Write("whoami.json", """{"UserId": "AIDA", "Account": "555555555555", "Arn": "arn:aws:iam::555555555555:user/audit"}""");
        folder.Write("eu-west-1/vpcs.json", """{"Vpcs": [{"OwnerId": "111111111111"}, {"OwnerId": "111111111111"}]}""");

        var source = new AwsCliFolderSource(folder.Root, null, null);

        Assert.All(source.ReadDocuments(), d => Assert.Equal("555555555555", d.Account));
        Assert.Contains(source.Notices, n => n.Kind == ImportNoticeKind.Inferred && n.Message.Contains("get-caller-identity", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_any_region_the_import_asks_for_one()
    {
        using var folder = new CliFolder();
        var path = folder.Write("sgs.json", """{"SecurityGroups": []}""");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("--region", e.Message);
    }

    [Fact]
    public void Files_of_several_regions_in_one_folder_each_keep_their_own_and_a_silent_one_is_an_error()
    {
        using var folder = new CliFolder();
        folder.Write("subnets-eu.json", Subnets);
        folder.Write("vpcs-us.json", """{"Vpcs": [{"VpcId": "vpc-9", "OwnerId": "111111111111", "Arn": "arn:aws:ec2:us-east-1:111111111111:vpc/vpc-9"}]}""");
        var silent = folder.Write("zz-sgs.json", """{"SecurityGroups": []}""");

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().ToList());
        Assert.Equal(silent, e.Path);
        Assert.Contains("eu-west-1, us-east-1", e.Message);

        File.Delete(silent);
        var regions = new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().ToDictionary(d => d.Operation, d => d.Region);
        Assert.Equal("eu-west-1", regions["DescribeSubnets"]);
        Assert.Equal("us-east-1", regions["DescribeVpcs"]);
    }

    [Fact]
    public void Zone_ids_are_resolved_through_a_describe_availability_zones_answer()
    {
        using var folder = new CliFolder();
        folder.Write("azs.json", """{"AvailabilityZones": [{"ZoneName": "ap-southeast-2a", "ZoneId": "apse2-az1", "RegionName": "ap-southeast-2"}]}""");
        folder.Write("subnets.json", """{"Subnets": [{"SubnetId": "subnet-1", "AvailabilityZoneId": "apse2-az1"}]}""");

        var documents = new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments().ToList();

        Assert.All(documents, d => Assert.Equal("ap-southeast-2", d.Region));
    }

    [Fact]
    public void Local_zone_names_give_their_parent_region()
    {
        using var folder = new CliFolder();
        folder.Write("subnets.json", """{"Subnets": [{"SubnetId": "subnet-1", "AvailabilityZone": "us-west-2-lax-1a"}]}""");

        Assert.Equal("us-west-2", Assert.Single(new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments()).Region);
    }

    [Fact]
    public void PowerShell_utf16_output_is_read()
    {
        using var folder = new CliFolder();
        folder.WriteBytes("eu-west-1/vpcs.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("""{"Vpcs": [{"VpcId": "vpc-é"}]}""")]);

        var document = Assert.Single(new AwsCliFolderSource(folder.Root, "111111111111", null).ReadDocuments());

        Assert.Equal("""{"Vpcs":[{"VpcId":"vpc-é"}]}""", Encoding.UTF8.GetString(document.Json.Span));
    }

    [Fact]
    public void Files_over_the_size_limit_are_refused()
    {
        using var folder = new CliFolder();
        var path = folder.Write("eu-west-1/vpcs.json", Vpcs);

        var source = new AwsCliFolderSource(folder.Root, "111111111111", null) { MaxFileBytes = 16 };
        var e = Assert.Throws<ImportException>(() => source.ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("limit", e.Message);
    }

    [Theory]
    [InlineData("12345", null, "--account")]
    [InlineData(null, "Europe", "--region")]
    public void Bad_options_are_refused(string? account, string? region, string expected)
    {
        using var folder = new CliFolder();

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, account, region));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void An_accounts_folder_needs_an_account_id()
    {
        using var folder = new CliFolder();
        var path = folder.Write("accounts/prod/vpcs.json", Vpcs);

        var e = Assert.Throws<ImportException>(() => new AwsCliFolderSource(folder.Root, null, null).ReadDocuments().ToList());

        Assert.Equal(path, e.Path);
        Assert.Contains("12-digit", e.Message);
    }

    [Fact]
    public void Reading_twice_gives_the_same_documents_and_notices()
    {
        var source = new AwsCliFolderSource(TestPaths.Fixture("aws-network", "test-public-subnet"), null, null);

        var first = source.ReadDocuments().Select(d => d.ToString()).ToList();
        var notices = source.Notices.ToList();
        var second = source.ReadDocuments().Select(d => d.ToString()).ToList();

        Assert.Equal(first, second);
        Assert.Equal(notices, source.Notices);
    }

    [Fact]
    public void Vpn_pre_shared_keys_in_real_output_are_never_stored()
    {
        var folder = TestPaths.Fixture("aws-network", "test-public-private-subnet");
        Assert.Contains("CustomerGatewayConfiguration", File.ReadAllText(Path.Combine(folder, "aws_configs", "VpnConnections.json")));
        var source = new AwsCliFolderSource(folder, null, null);

        var vpn = source.ReadDocuments().Single(d => d.Operation == "DescribeVpnConnections");

        var text = Encoding.UTF8.GetString(vpn.Json.Span);
        Assert.DoesNotContain("CustomerGatewayConfiguration", text);
        Assert.DoesNotContain("PreSharedKey", text);
        Assert.Contains("VpnConnectionId", text);
        Assert.Contains(source.Notices, n => n.Kind == ImportNoticeKind.Warning && n.Message.Contains("never stores credentials", StringComparison.Ordinal));
    }
}
