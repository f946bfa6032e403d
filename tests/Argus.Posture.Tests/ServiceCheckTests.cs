using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;

namespace Argus.Posture.Tests;

public sealed class ServiceCheckTests
{
    private const string Repos = """
        {"repositories":[
          {"repositoryArn":"arn:aws:ecr:eu-west-1:111111111111:repository/good","registryId":"111111111111","repositoryName":"good","repositoryUri":"111111111111.dkr.ecr.eu-west-1.amazonaws.com/good","imageTagMutability":"IMMUTABLE","imageScanningConfiguration":{"scanOnPush":true},"encryptionConfiguration":{"encryptionType":"AES256"}},
          {"repositoryArn":"arn:aws:ecr:eu-west-1:111111111111:repository/bad","registryId":"111111111111","repositoryName":"bad","repositoryUri":"111111111111.dkr.ecr.eu-west-1.amazonaws.com/bad","imageTagMutability":"MUTABLE","imageScanningConfiguration":{"scanOnPush":false},"encryptionConfiguration":{"encryptionType":"AES256"}}]}
        """;

    private static CheckResult Of(IReadOnlyList<CheckResult> results, string suffix) => results.Single(r => r.ResourceId.EndsWith(suffix));

    [Fact]
    public void Ecr_scan_on_push_immutability_and_public_policies()
    {
        var fixture = new Fixture().With(AwsOperations.DescribeRepositories, Repos)
            .With(AwsOperations.GetRepositoryPolicy, """{"registryId":"111111111111","repositoryName":"bad","policyText":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"pull\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}]}"}""", "bad")
            .With(AwsOperations.GetRepositoryPolicy, """{"registryId":"111111111111","repositoryName":"good","policyText":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"ecr:BatchGetImage\"}]}"}""", "good");
        foreach (var id in new[] { "aws.ecr.scan-on-push", "aws.ecr.tag-immutability", "aws.ecr.public-repository" })
        {
            var results = fixture.Run(id);
            Assert.Equal(FindingStatus.Pass, Of(results, "/good").Status);
            Assert.Equal(FindingStatus.Fail, Of(results, "/bad").Status);
        }
    }

    [Fact]
    public void Inspector_coverage_fails_inactive_resources()
    {
        var results = new Fixture().With(AwsOperations.ListCoverage, """
            {"coveredResources":[
              {"resourceType":"AWS_EC2_INSTANCE","resourceId":"i-1","accountId":"111111111111","scanType":"PACKAGE","scanStatus":{"statusCode":"ACTIVE","reason":"SUCCESSFUL"}},
              {"resourceType":"AWS_EC2_INSTANCE","resourceId":"i-2","accountId":"111111111111","scanType":"PACKAGE","scanStatus":{"statusCode":"INACTIVE","reason":"NO_INVENTORY"}}]}
            """).Run("aws.inspector2.coverage");
        Assert.Equal(FindingStatus.Pass, Of(results, "i-1").Status);
        Assert.Contains("NO_INVENTORY", Of(results, "i-2").Message);
    }

    [Fact]
    public void Dlm_coverage_matches_target_tags()
    {
        var results = new Fixture()
            .With(AwsOperations.DescribeVolumes, """{"Volumes":[{"VolumeId":"vol-1","Encrypted":true,"Tags":[{"Key":"backup","Value":"daily"}]},{"VolumeId":"vol-2","Encrypted":true,"Tags":[{"Key":"Name","Value":"scratch"}]}]}""")
            .With(AwsOperations.GetLifecyclePolicies, """{"Policies":[{"PolicyId":"policy-1","Description":"daily","State":"ENABLED","PolicyType":"EBS_SNAPSHOT_MANAGEMENT"}]}""")
            .With(UncollectedOperations.GetDlmLifecyclePolicy, """{"Policy":{"PolicyId":"policy-1","State":"ENABLED","PolicyDetails":{"PolicyType":"EBS_SNAPSHOT_MANAGEMENT","ResourceTypes":["VOLUME"],"TargetTags":[{"Key":"backup","Value":"daily"}],"Schedules":[]}}}""", "policy-1")
            .Run("aws.dlm.volume-coverage");
        Assert.Equal(FindingStatus.Pass, Of(results, "vol-1").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "vol-2").Status);
    }

    [Fact]
    public void Ses_rules_need_scanning_and_tls()
    {
        var results = new Fixture().With(AwsOperations.DescribeActiveReceiptRuleSet, """
            {"Metadata":{"Name":"default","CreatedTimestamp":"2024-01-01T00:00:00Z"},"Rules":[
              {"Name":"strict","Enabled":true,"TlsPolicy":"Require","Recipients":[],"Actions":[],"ScanEnabled":true},
              {"Name":"loose","Enabled":true,"TlsPolicy":"Optional","Recipients":[],"Actions":[],"ScanEnabled":false}]}
            """).Run("aws.ses.receipt-rules");
        Assert.Equal(FindingStatus.Pass, Of(results, "/strict").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "/loose").Status);
    }

    [Fact]
    public void Beanstalk_managed_updates_read_the_option_settings()
    {
        var results = new Fixture()
            .With(AwsOperations.DescribeEnvironments, """{"Environments":[{"EnvironmentName":"web-prod","EnvironmentArn":"arn:aws:elasticbeanstalk:eu-west-1:111111111111:environment/app/web-prod","ApplicationName":"app","Status":"Ready"},{"EnvironmentName":"web-dev","EnvironmentArn":"arn:aws:elasticbeanstalk:eu-west-1:111111111111:environment/app/web-dev","ApplicationName":"app","Status":"Ready"}]}""")
            .With(AwsOperations.DescribeConfigurationSettings, """{"ConfigurationSettings":[{"ApplicationName":"app","EnvironmentName":"web-prod","OptionSettings":[{"Namespace":"aws:elasticbeanstalk:managedactions","OptionName":"ManagedActionsEnabled","Value":"true"}]}]}""", "web-prod")
            .With(AwsOperations.DescribeConfigurationSettings, """{"ConfigurationSettings":[{"ApplicationName":"app","EnvironmentName":"web-dev","OptionSettings":[{"Namespace":"aws:elasticbeanstalk:managedactions","OptionName":"ManagedActionsEnabled","Value":"false"}]}]}""", "web-dev")
            .Run("aws.elasticbeanstalk.managed-updates");
        Assert.Equal(FindingStatus.Pass, Of(results, "/web-prod").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "/web-dev").Status);
    }

    [Fact]
    public void Image_builder_pipelines_must_test_images()
    {
        var results = new Fixture().With(AwsOperations.ListImagePipelines, """
            {"imagePipelineList":[
              {"arn":"arn:aws:imagebuilder:eu-west-1:111111111111:image-pipeline/tested","name":"tested","status":"ENABLED","enhancedImageMetadataEnabled":true,"imageTestsConfiguration":{"imageTestsEnabled":true,"timeoutMinutes":60}},
              {"arn":"arn:aws:imagebuilder:eu-west-1:111111111111:image-pipeline/untested","name":"untested","status":"ENABLED","enhancedImageMetadataEnabled":false,"imageTestsConfiguration":{"imageTestsEnabled":false,"timeoutMinutes":60}}]}
            """).Run("aws.imagebuilder.image-tests");
        Assert.Equal(FindingStatus.Pass, Of(results, "/tested").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "/untested").Status);
    }

    [Fact]
    public void Internet_facing_albs_need_a_web_acl_and_missing_waf_data_is_an_error()
    {
        const string lbs = """
            {"LoadBalancers":[
              {"LoadBalancerArn":"arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/shop/1","LoadBalancerName":"shop","Scheme":"internet-facing","Type":"application","DNSName":"shop-1.eu-west-1.elb.amazonaws.com"},
              {"LoadBalancerArn":"arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/blog/2","LoadBalancerName":"blog","Scheme":"internet-facing","Type":"application","DNSName":"blog-2.eu-west-1.elb.amazonaws.com"},
              {"LoadBalancerArn":"arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal/3","LoadBalancerName":"internal","Scheme":"internal","Type":"application"}]}
            """;
        const string acl = "arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shop-acl/abc";
        var results = new Fixture().With(AwsOperations.DescribeLoadBalancers, lbs)
            .With(AwsOperations.ListWebACLs, $$"""{"WebACLs":[{"Name":"shop-acl","Id":"abc","ARN":"{{acl}}"}]}""")
            .With(AwsOperations.ListResourcesForWebACL, """{"ResourceArns":["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/shop/1"]}""", acl)
            .Run("aws.wafv2.internet-facing-alb");
        Assert.Equal(2, results.Count);
        Assert.Equal(FindingStatus.Pass, Of(results, "/shop/1").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "/blog/2").Status);

        var unknown = new Fixture().With(AwsOperations.DescribeLoadBalancers, lbs).Run("aws.wafv2.internet-facing-alb");
        Assert.All(unknown, r => Assert.Equal(FindingStatus.Error, r.Status));
        Assert.All(unknown, r => Assert.Contains("wafv2:ListWebACLs", r.Message));
    }
}
