using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;

namespace Argus.Posture.Tests;

public sealed class IamCheckTests
{
    private const string Header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
        "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
        "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
        "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    private const string Root = "<root_account>,arn:aws:iam::111111111111:root,2020-01-01T00:00:00+00:00,not_supported,2025-06-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    [Theory]
    [InlineData(0, FindingStatus.Pass)]
    [InlineData(1, FindingStatus.Fail)]
    public void Root_access_keys_come_from_the_account_summary(int present, FindingStatus expected)
    {
        var result = new Fixture().With(AwsOperations.GetAccountSummary, Summary(present, mfa: 1)).Single("aws.iam.root-access-keys");
        Assert.Equal(expected, result.Status);
        Assert.Contains(new Argus.Core.Model.FrameworkReference("cis-aws-7.0", "2.4"), result.Frameworks);
    }

    [Theory]
    [InlineData(1, 1, FindingStatus.Pass)]
    [InlineData(0, 0, FindingStatus.Pass)]
    [InlineData(0, 1, FindingStatus.Fail)]
    public void Root_mfa_passes_with_mfa_or_without_a_root_password(int mfa, int password, FindingStatus expected) =>
        Assert.Equal(expected, new Fixture().With(AwsOperations.GetAccountSummary, Summary(0, mfa, password)).Single("aws.iam.root-mfa").Status);

    [Fact]
    public void Root_hardware_mfa_fails_on_the_root_virtual_device_and_passes_without_it()
    {
        var virtualRoot = """{"VirtualMFADevices":[{"SerialNumber":"arn:aws:iam::111111111111:mfa/root-account-mfa-device","User":{"Arn":"arn:aws:iam::111111111111:root","UserId":"111111111111","CreateDate":"2020-01-01T00:00:00Z"},"EnableDate":"2020-01-02T00:00:00Z"}]}""";
        Assert.Equal(FindingStatus.Fail, new Fixture().With(AwsOperations.GetAccountSummary, Summary(0, 1)).With(AwsOperations.ListVirtualMFADevices, virtualRoot).Single("aws.iam.root-hardware-mfa").Status);
        Assert.Equal(FindingStatus.Pass, new Fixture().With(AwsOperations.GetAccountSummary, Summary(0, 1)).With(AwsOperations.ListVirtualMFADevices, """{"VirtualMFADevices":[]}""").Single("aws.iam.root-hardware-mfa").Status);
    }

    [Fact]
    public void Root_usage_is_manual_with_the_last_use_as_evidence()
    {
        var result = new Fixture().With(AwsOperations.GetCredentialReport, Report()).Single("aws.iam.root-usage");
        Assert.Equal(FindingStatus.Manual, result.Status);
        Assert.Contains("2025-06-01", result.Message);
    }

    [Fact]
    public void Password_policy_length_and_reuse_fail_without_a_policy_when_iam_was_collected()
    {
        var none = new Fixture().With(AwsOperations.GetAccountSummary, Summary(0, 1));
        Assert.Equal(FindingStatus.Fail, none.Single("aws.iam.password-policy-length").Status);
        Assert.Equal(FindingStatus.Fail, none.Single("aws.iam.password-policy-reuse").Status);

        var weak = new Fixture().With(AwsOperations.GetAccountPasswordPolicy, """{"PasswordPolicy":{"MinimumPasswordLength":8,"PasswordReusePrevention":5,"RequireSymbols":true}}""");
        Assert.Equal(FindingStatus.Fail, weak.Single("aws.iam.password-policy-length").Status);
        Assert.Equal(FindingStatus.Fail, weak.Single("aws.iam.password-policy-reuse").Status);

        var strong = new Fixture().With(AwsOperations.GetAccountPasswordPolicy, """{"PasswordPolicy":{"MinimumPasswordLength":14,"PasswordReusePrevention":24}}""");
        Assert.Equal(FindingStatus.Pass, strong.Single("aws.iam.password-policy-length").Status);
        Assert.Equal(FindingStatus.Pass, strong.Single("aws.iam.password-policy-reuse").Status);
    }

    [Fact]
    public void Password_policy_with_no_iam_data_at_all_is_an_error_not_a_failure()
    {
        var result = new Fixture().Collected().Single("aws.iam.password-policy-length");
        Assert.Equal(FindingStatus.Error, result.Status);
        Assert.StartsWith("not collected: iam:GetAccountPasswordPolicy", result.Message);
    }

    [Fact]
    public void Console_users_without_mfa_fail()
    {
        var results = new Fixture().With(AwsOperations.GetCredentialReport, Report(
            "alice,arn:aws:iam::111111111111:user/alice,2024-01-01T00:00:00+00:00,true,2025-12-30T00:00:00+00:00,2025-10-01T00:00:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "bob,arn:aws:iam::111111111111:user/bob,2024-01-01T00:00:00+00:00,true,2025-12-30T00:00:00+00:00,2025-10-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "svc,arn:aws:iam::111111111111:user/svc,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2025-12-01T00:00:00+00:00,2025-12-31T00:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"))
            .Run("aws.iam.user-console-mfa");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith("/alice")).Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith("/bob")).Status);
        Assert.DoesNotContain(results, r => r.ResourceId.EndsWith("/svc"));
    }

    [Fact]
    public void Unused_credentials_are_measured_against_the_snapshot_time()
    {
        var results = new Fixture().With(AwsOperations.GetCredentialReport, Report(
            // Used 10 days before the snapshot (2026-01-01): fine.
            "fresh,arn:aws:iam::111111111111:user/fresh,2024-01-01T00:00:00+00:00,true,2025-12-22T00:00:00+00:00,2025-10-01T00:00:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            // Password never used, set 100 days before: counts from when it was set.
            "never,arn:aws:iam::111111111111:user/never,2025-09-01T00:00:00+00:00,true,no_information,2025-09-23T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            // Key last used 50 days before.
            "stale,arn:aws:iam::111111111111:user/stale,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2025-10-01T00:00:00+00:00,2025-11-12T00:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"))
            .Run("aws.iam.unused-credentials");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith("/fresh")).Status);
        Assert.Contains("100 days", results.Single(r => r.ResourceId.EndsWith("/never")).Message);
        Assert.Contains("access key 1 idle 50 days", results.Single(r => r.ResourceId.EndsWith("/stale")).Message);
    }

    [Fact]
    public void Access_keys_older_than_90_days_fail_rotation_and_two_active_keys_fail_the_single_key_check()
    {
        var fixture = new Fixture().With(AwsOperations.GetCredentialReport, Report(
            "old,arn:aws:iam::111111111111:user/old,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2025-01-01T00:00:00+00:00,2025-12-31T00:00:00+00:00,eu-west-1,s3,true,2025-12-01T00:00:00+00:00,2025-12-31T00:00:00+00:00,eu-west-1,s3,false,N/A,false,N/A"));
        var rotation = fixture.Run("aws.iam.access-key-rotation");
        Assert.Equal(FindingStatus.Fail, rotation.Single(r => r.ResourceId.EndsWith("/access-key-1")).Status);
        Assert.Equal(FindingStatus.Pass, rotation.Single(r => r.ResourceId.EndsWith("/access-key-2")).Status);
        Assert.Equal(FindingStatus.Fail, fixture.Single("aws.iam.single-active-key").Status);
    }

    [Fact]
    public void Authorization_details_checks_read_attached_and_inline_policies()
    {
        var details = """
            {"UserDetailList":[
               {"UserName":"deploy","UserId":"AIDA1","Arn":"arn:aws:iam::111111111111:user/deploy","Path":"/","GroupList":[],"AttachedManagedPolicies":[{"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}],"UserPolicyList":[]},
               {"UserName":"alice","UserId":"AIDA2","Arn":"arn:aws:iam::111111111111:user/alice","Path":"/","GroupList":["devs"],"AttachedManagedPolicies":[],"UserPolicyList":[]}],
             "GroupDetailList":[{"GroupName":"devs","GroupId":"AGPA1","Arn":"arn:aws:iam::111111111111:group/devs","Path":"/","GroupPolicyList":[{"PolicyName":"all","PolicyDocument":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}}],"AttachedManagedPolicies":[]}],
             "RoleDetailList":[{"RoleName":"support","RoleId":"AROA1","Arn":"arn:aws:iam::111111111111:role/support","Path":"/","RolePolicyList":[],"AttachedManagedPolicies":[{"PolicyName":"AWSSupportAccess","PolicyArn":"arn:aws:iam::aws:policy/AWSSupportAccess"},{"PolicyName":"AWSCloudShellFullAccess","PolicyArn":"arn:aws:iam::aws:policy/AWSCloudShellFullAccess"}],"InstanceProfileList":[]}],
             "Policies":[]}
            """;
        var fixture = new Fixture().With(AwsOperations.GetAccountAuthorizationDetails, details);

        var groups = fixture.Run("aws.iam.user-policies-via-groups");
        Assert.Equal(FindingStatus.Fail, groups.Single(r => r.ResourceId.EndsWith("user/deploy")).Status);
        Assert.Equal(FindingStatus.Pass, groups.Single(r => r.ResourceId.EndsWith("user/alice")).Status);

        var admin = fixture.Run("aws.iam.full-admin-policy");
        Assert.Equal(FindingStatus.Fail, admin.Single(r => r.ResourceId.EndsWith("user/deploy")).Status);
        Assert.Equal(FindingStatus.Fail, admin.Single(r => r.ResourceId.EndsWith("group/devs")).Status);
        Assert.Equal(FindingStatus.Pass, admin.Single(r => r.ResourceId.EndsWith("role/support")).Status);

        Assert.Equal(FindingStatus.Pass, fixture.Single("aws.iam.support-role").Status);
        Assert.Equal(FindingStatus.Fail, fixture.Single("aws.iam.cloudshell-full-access").Status);
    }

    [Fact]
    public void Expired_server_certificates_fail()
    {
        var results = new Fixture().With(AwsOperations.ListServerCertificates, """
            {"ServerCertificateMetadataList":[
              {"Path":"/","ServerCertificateName":"old","ServerCertificateId":"ASCA1","Arn":"arn:aws:iam::111111111111:server-certificate/old","UploadDate":"2022-01-01T00:00:00Z","Expiration":"2023-01-01T00:00:00Z"},
              {"Path":"/","ServerCertificateName":"new","ServerCertificateId":"ASCA2","Arn":"arn:aws:iam::111111111111:server-certificate/new","UploadDate":"2025-01-01T00:00:00Z","Expiration":"2027-01-01T00:00:00Z"}]}
            """).Run("aws.iam.expired-server-certificates");
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith("/old")).Status);
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith("/new")).Status);
    }

    [Fact]
    public void Access_analyzer_is_needed_in_every_collected_region()
    {
        var results = new Fixture()
            .With(AwsOperations.ListAnalyzers, """{"analyzers":[{"arn":"arn:aws:access-analyzer:eu-west-1:111111111111:analyzer/a","name":"a","type":"ACCOUNT","status":"ACTIVE"}]}""")
            .With(AwsOperations.ListAnalyzers, """{"analyzers":[]}""", region: "us-east-1")
            .Run("aws.accessanalyzer.enabled");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.Region == "eu-west-1").Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.Region == "us-east-1").Status);
    }

    [Fact]
    public void Instances_without_a_profile_fail()
    {
        var results = new Fixture().With(AwsOperations.DescribeInstances, """
            {"Reservations":[{"ReservationId":"r-1","OwnerId":"111111111111","Instances":[
              {"InstanceId":"i-1","State":{"Code":16,"Name":"running"},"IamInstanceProfile":{"Arn":"arn:aws:iam::111111111111:instance-profile/web","Id":"AIPA1"},"MetadataOptions":{"HttpTokens":"required","HttpEndpoint":"enabled","State":"applied"}},
              {"InstanceId":"i-2","State":{"Code":16,"Name":"running"},"MetadataOptions":{"HttpTokens":"optional","HttpEndpoint":"enabled","State":"applied"}},
              {"InstanceId":"i-3","State":{"Code":48,"Name":"terminated"}}]}]}
            """).Run("aws.ec2.instance-profile");
        Assert.Equal(2, results.Count);
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith("i-1")).Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith("i-2")).Status);
    }

    private static string Summary(int keys, int mfa, int password = 1) =>
        $$$"""{"SummaryMap":{"AccountAccessKeysPresent":{{{keys}}},"AccountMFAEnabled":{{{mfa}}},"AccountPasswordPresent":{{{password}}},"Users":3}}""";

    private static string Report(params string[] users) =>
        $$"""{"Content":"{{Fixture.Base64(string.Join("\n", [Header, Root, .. users]))}}","ReportFormat":"text/csv","GeneratedTime":"2025-12-31T23:00:00Z"}""";
}
