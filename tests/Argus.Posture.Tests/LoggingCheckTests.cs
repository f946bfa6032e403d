using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;

namespace Argus.Posture.Tests;

public sealed class LoggingCheckTests
{
    private const string TrailArn = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/main";

    internal static Fixture Trail(bool multiRegion = true, bool logging = true, string readWrite = "All", string extra = "", string dataResources = "[]") => new Fixture()
        .With(AwsOperations.DescribeTrails, $$$"""{"trailList":[{"Name":"main","S3BucketName":"trail-logs","IncludeGlobalServiceEvents":true,"IsMultiRegionTrail":{{{(multiRegion ? "true" : "false")}}},"HomeRegion":"eu-west-1","TrailARN":"{{{TrailArn}}}","LogFileValidationEnabled":true,"HasCustomEventSelectors":false,"IsOrganizationTrail":false{{{extra}}}}]}""")
        .With(AwsOperations.DescribeTrails, $$$"""{"trailList":[{"Name":"main","S3BucketName":"trail-logs","IsMultiRegionTrail":{{{(multiRegion ? "true" : "false")}}},"HomeRegion":"eu-west-1","TrailARN":"{{{TrailArn}}}","LogFileValidationEnabled":true{{{extra}}}}]}""", region: "us-east-1")
        .With(AwsOperations.GetTrailStatus, $$$"""{"IsLogging":{{{(logging ? "true" : "false")}}}}""", TrailArn)
        .With(AwsOperations.GetEventSelectors, $$$"""{"TrailARN":"{{{TrailArn}}}","EventSelectors":[{"ReadWriteType":"{{{readWrite}}}","IncludeManagementEvents":true,"DataResources":{{{dataResources}}},"ExcludeManagementEventSources":[]}]}""", TrailArn);

    [Fact]
    public void Multi_region_trail_must_log_all_management_events()
    {
        Assert.Equal(FindingStatus.Pass, Trail().Single("aws.cloudtrail.multi-region").Status);
        Assert.Equal(FindingStatus.Fail, Trail(multiRegion: false).Single("aws.cloudtrail.multi-region").Status);
        Assert.Equal(FindingStatus.Fail, Trail(logging: false).Single("aws.cloudtrail.multi-region").Status);
        Assert.Equal(FindingStatus.Fail, Trail(readWrite: "WriteOnly").Single("aws.cloudtrail.multi-region").Status);
    }

    [Fact]
    public void A_trail_seen_in_two_regions_is_one_result()
    {
        var result = Trail().Single("aws.cloudtrail.log-file-validation");
        Assert.Equal(TrailArn, result.ResourceId);
        Assert.Equal(FindingStatus.Pass, result.Status);
    }

    [Fact]
    public void Kms_encryption_needs_a_key()
    {
        Assert.Equal(FindingStatus.Fail, Trail().Single("aws.cloudtrail.kms-encryption").Status);
        Assert.Equal(FindingStatus.Pass, Trail(extra: ""","KmsKeyId":"arn:aws:kms:eu-west-1:111111111111:key/k" """).Single("aws.cloudtrail.kms-encryption").Status);
    }

    [Fact]
    public void Trail_bucket_logging_reads_the_bucket_in_whichever_account_owns_it()
    {
        var fixture = Trail()
            .With(AwsOperations.GetBucketLocation, """{"LocationConstraint":"eu-west-1"}""", "trail-logs", account: "222222222222")
            .With(AwsOperations.GetBucketLogging, """{"LoggingEnabled":{"TargetBucket":"access-logs","TargetPrefix":"trail/"}}""", "trail-logs", account: "222222222222");
        Assert.Equal(FindingStatus.Pass, fixture.Run("aws.cloudtrail.bucket-access-logging").Single(r => r.Account == Fixture.Account).Status);
        Assert.Equal(FindingStatus.Error, Trail().Single("aws.cloudtrail.bucket-access-logging").Status);
    }

    [Fact]
    public void S3_data_events_read_and_write()
    {
        var all = Trail(dataResources: """[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]""");
        Assert.Equal(FindingStatus.Pass, all.Single("aws.cloudtrail.s3-read-events").Status);
        Assert.Equal(FindingStatus.Pass, all.Single("aws.cloudtrail.s3-write-events").Status);
        Assert.Equal(FindingStatus.Fail, Trail().Single("aws.cloudtrail.s3-write-events").Status);
    }

    [Fact]
    public void Denied_trail_lists_give_not_authorized_naming_the_permission()
    {
        var result = new Fixture().Collected().Denied(AwsOperations.DescribeTrails).Single("aws.cloudtrail.multi-region");
        Assert.Equal(FindingStatus.NotAuthorized, result.Status);
        Assert.Contains("cloudtrail:DescribeTrails", result.Message);
    }

    [Fact]
    public void Config_needs_a_recording_all_supported_recorder()
    {
        var good = new Fixture()
            .With(AwsOperations.DescribeConfigurationRecorders, """{"ConfigurationRecorders":[{"name":"default","roleARN":"arn:aws:iam::111111111111:role/config","recordingGroup":{"allSupported":true,"includeGlobalResourceTypes":true}}]}""")
            .With(AwsOperations.DescribeConfigurationRecorderStatus, """{"ConfigurationRecordersStatus":[{"name":"default","recording":true,"lastStatus":"SUCCESS"}]}""");
        Assert.Equal(FindingStatus.Pass, good.Single("aws.config.enabled").Status);
        var stopped = new Fixture()
            .With(AwsOperations.DescribeConfigurationRecorders, """{"ConfigurationRecorders":[{"name":"default","recordingGroup":{"allSupported":true}}]}""")
            .With(AwsOperations.DescribeConfigurationRecorderStatus, """{"ConfigurationRecordersStatus":[{"name":"default","recording":false,"lastStatus":"FAILURE"}]}""");
        Assert.Equal(FindingStatus.Fail, stopped.Single("aws.config.enabled").Status);
    }

    [Fact]
    public void Kms_rotation_applies_to_customer_symmetric_keys_only()
    {
        var results = new Fixture()
            .With(AwsOperations.ListKeys, """{"Keys":[{"KeyId":"k1","KeyArn":"arn:aws:kms:eu-west-1:111111111111:key/k1"},{"KeyId":"k2","KeyArn":"arn:aws:kms:eu-west-1:111111111111:key/k2"},{"KeyId":"k3","KeyArn":"arn:aws:kms:eu-west-1:111111111111:key/k3"}]}""")
            .With(AwsOperations.DescribeKey, """{"KeyMetadata":{"KeyId":"k1","KeyManager":"CUSTOMER","KeySpec":"SYMMETRIC_DEFAULT","KeyState":"Enabled","Origin":"AWS_KMS"}}""", "k1")
            .With(AwsOperations.DescribeKey, """{"KeyMetadata":{"KeyId":"k2","KeyManager":"CUSTOMER","KeySpec":"SYMMETRIC_DEFAULT","KeyState":"Enabled","Origin":"AWS_KMS"}}""", "k2")
            .With(AwsOperations.DescribeKey, """{"KeyMetadata":{"KeyId":"k3","KeyManager":"AWS","KeySpec":"SYMMETRIC_DEFAULT","KeyState":"Enabled","Origin":"AWS_KMS"}}""", "k3")
            .With(AwsOperations.GetKeyRotationStatus, """{"KeyRotationEnabled":true}""", "k1")
            .With(AwsOperations.GetKeyRotationStatus, """{"KeyRotationEnabled":false}""", "k2")
            .Run("aws.kms.rotation");
        Assert.Equal(2, results.Count);
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith("k1")).Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith("k2")).Status);
    }

    [Fact]
    public void Vpc_flow_logs_per_vpc_and_not_authorized_when_denied()
    {
        var vpcs = """{"Vpcs":[{"VpcId":"vpc-1","CidrBlock":"10.0.0.0/16","IsDefault":false},{"VpcId":"vpc-2","CidrBlock":"10.1.0.0/16","IsDefault":false}]}""";
        var results = new Fixture().With(AwsOperations.DescribeVpcs, vpcs)
            .With(AwsOperations.DescribeFlowLogs, """{"FlowLogs":[{"FlowLogId":"fl-1","ResourceId":"vpc-1","FlowLogStatus":"ACTIVE","TrafficType":"ALL"}]}""")
            .Run("aws.ec2.vpc-flow-logs");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith("vpc-1")).Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith("vpc-2")).Status);

        var denied = new Fixture().With(AwsOperations.DescribeVpcs, vpcs).Denied(AwsOperations.DescribeFlowLogs).Run("aws.ec2.vpc-flow-logs");
        Assert.All(denied, r => Assert.Equal(FindingStatus.NotAuthorized, r.Status));
        Assert.All(denied, r => Assert.Contains("ec2:DescribeFlowLogs", r.Message));
    }

    [Fact]
    public void Security_hub_absent_in_a_collected_region_fails()
    {
        var results = new Fixture()
            .With(AwsOperations.DescribeHub, """{"HubArn":"arn:aws:securityhub:eu-west-1:111111111111:hub/default","SubscribedAt":"2024-01-15T09:30:00.000Z","AutoEnableControls":true}""")
            .Collected("us-east-1")
            .Run("aws.securityhub.enabled");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.Region == "eu-west-1").Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.Region == "us-east-1").Status);
    }
}
