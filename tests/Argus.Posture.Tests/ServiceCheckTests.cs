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
            .With(AwsOperations.GetDlmLifecyclePolicy, """{"Policy":{"PolicyId":"policy-1","State":"ENABLED","PolicyDetails":{"PolicyType":"EBS_SNAPSHOT_MANAGEMENT","ResourceTypes":["VOLUME"],"TargetTags":[{"Key":"backup","Value":"daily"}],"Schedules":[]}}}""", "policy-1")
            .Run("aws.dlm.volume-coverage");
        Assert.Equal(FindingStatus.Pass, Of(results, "vol-1").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "vol-2").Status);
    }

    [Fact]
    public void Dlm_instance_policies_cover_attached_volumes_and_default_policies_cover_all_but_their_exclusions()
    {
        const string volumes = """
            {"Volumes":[
              {"VolumeId":"vol-root","VolumeType":"gp3","Encrypted":true,"Attachments":[{"InstanceId":"i-web","Device":"/dev/xvda","State":"attached","DeleteOnTermination":true}],"Tags":[]},
              {"VolumeId":"vol-data","VolumeType":"gp3","Encrypted":true,"Attachments":[{"InstanceId":"i-web","Device":"/dev/sdf","State":"attached","DeleteOnTermination":false}],"Tags":[]},
              {"VolumeId":"vol-cold","VolumeType":"sc1","Encrypted":true,"Attachments":[],"Tags":[{"Key":"backup","Value":"none"}]},
              {"VolumeId":"vol-loose","VolumeType":"gp2","Encrypted":true,"Attachments":[],"Tags":[]}]}
            """;
        const string instances = """
            {"Reservations":[{"ReservationId":"r-1","OwnerId":"111111111111","Instances":[
              {"InstanceId":"i-web","RootDeviceName":"/dev/xvda","State":{"Code":16,"Name":"running"},"Tags":[{"Key":"snapshot","Value":"yes"},{"Key":"team","Value":"web"}]}]}]}
            """;
        var byInstance = new Fixture().With(AwsOperations.DescribeVolumes, volumes).With(AwsOperations.DescribeInstances, instances)
            .With(AwsOperations.GetLifecyclePolicies, """{"Policies":[{"PolicyId":"policy-i","State":"ENABLED","PolicyType":"EBS_SNAPSHOT_MANAGEMENT","DefaultPolicy":false},{"PolicyId":"policy-off","State":"DISABLED","PolicyType":"EBS_SNAPSHOT_MANAGEMENT"}]}""")
            .With(AwsOperations.GetDlmLifecyclePolicy, """{"Policy":{"PolicyId":"policy-i","State":"ENABLED","PolicyDetails":{"PolicyType":"EBS_SNAPSHOT_MANAGEMENT","ResourceTypes":["INSTANCE"],"TargetTags":[{"Key":"snapshot","Value":"yes"},{"Key":"other","Value":"x"}],"Schedules":[]},"DefaultPolicy":false}}""", "policy-i")
            .Run("aws.dlm.volume-coverage");
        Assert.Equal(FindingStatus.Pass, Of(byInstance, "vol-root").Status);
        Assert.Equal(FindingStatus.Pass, Of(byInstance, "vol-data").Status);
        Assert.Equal(FindingStatus.Fail, Of(byInstance, "vol-loose").Status);
        Assert.Contains("matches no enabled lifecycle policy", Of(byInstance, "vol-cold").Message);

        var byDefault = new Fixture().With(AwsOperations.DescribeVolumes, volumes).With(AwsOperations.DescribeInstances, instances)
            .With(AwsOperations.GetLifecyclePolicies, """{"Policies":[{"PolicyId":"policy-d","State":"ENABLED","PolicyType":"EBS_SNAPSHOT_MANAGEMENT","DefaultPolicy":true}]}""")
            .With(AwsOperations.GetDlmLifecyclePolicy, """{"Policy":{"PolicyId":"policy-d","State":"ENABLED","DefaultPolicy":true,"PolicyDetails":{"PolicyType":"EBS_SNAPSHOT_MANAGEMENT","ResourceType":"VOLUME","CreateInterval":1,"RetainInterval":7,"Exclusions":{"ExcludeBootVolumes":true,"ExcludeVolumeTypes":["sc1"],"ExcludeTags":[{"Key":"backup","Value":"none"}]}}}}""", "policy-d")
            .Run("aws.dlm.volume-coverage");
        Assert.Equal(FindingStatus.Fail, Of(byDefault, "vol-root").Status);
        Assert.Equal(FindingStatus.Pass, Of(byDefault, "vol-data").Status);
        Assert.Equal(FindingStatus.Fail, Of(byDefault, "vol-cold").Status);
        Assert.Equal(FindingStatus.Pass, Of(byDefault, "vol-loose").Status);
    }

    [Fact]
    public void Dlm_coverage_is_not_judged_without_the_policy_details()
    {
        var results = new Fixture()
            .With(AwsOperations.DescribeVolumes, """{"Volumes":[{"VolumeId":"vol-1","Encrypted":true,"Tags":[]}]}""")
            .With(AwsOperations.GetLifecyclePolicies, """{"Policies":[{"PolicyId":"policy-1","State":"ENABLED","PolicyType":"EBS_SNAPSHOT_MANAGEMENT"}]}""")
            .Denied(AwsOperations.GetDlmLifecyclePolicy)
            .Run("aws.dlm.volume-coverage");
        var result = Assert.Single(results);
        Assert.Equal(FindingStatus.NotAuthorized, result.Status);
        Assert.Contains("dlm:GetLifecyclePolicy", result.Message);
    }

    private const string WebAcl = "arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/edge/abc";

    [Fact]
    public void Api_gateway_stages_of_public_apis_need_a_web_acl_on_the_stage_or_by_association()
    {
        var fixture = new Fixture()
            .With(AwsOperations.GetRestApis, """
                {"items":[
                  {"id":"pub1","name":"shop","createdDate":"2025-01-01T00:00:00+00:00","apiKeySource":"HEADER","endpointConfiguration":{"types":["REGIONAL"]},"disableExecuteApiEndpoint":false},
                  {"id":"edge2","name":"blog","createdDate":"2025-01-01T00:00:00+00:00","apiKeySource":"HEADER","endpointConfiguration":{"types":["EDGE"]},"disableExecuteApiEndpoint":false},
                  {"id":"priv3","name":"internal","createdDate":"2025-01-01T00:00:00+00:00","apiKeySource":"HEADER","endpointConfiguration":{"types":["PRIVATE"],"vpcEndpointIds":["vpce-1"]},"disableExecuteApiEndpoint":false}]}
                """)
            .With(AwsOperations.GetStages, """
                {"item":[
                  {"deploymentId":"d1","stageName":"prod","cacheClusterEnabled":false,"methodSettings":{},"tracingEnabled":false,"webAclArn":"arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shop/s1","createdDate":"2025-01-01T00:00:00+00:00"},
                  {"deploymentId":"d1","stageName":"test","cacheClusterEnabled":false,"methodSettings":{},"tracingEnabled":false,"createdDate":"2025-01-01T00:00:00+00:00"}]}
                """, "pub1")
            .With(AwsOperations.GetStages, """{"item":[{"deploymentId":"d2","stageName":"live","cacheClusterEnabled":false,"methodSettings":{},"tracingEnabled":false}]}""", "edge2")
            .With(AwsOperations.ListWebACLs, $$"""{"WebACLs":[{"Name":"edge","Id":"abc","ARN":"{{WebAcl}}","LockToken":"t"}]}""")
            .With(AwsOperations.ListResourcesForWebACL, """{"ResourceArns":["arn:aws:apigateway:eu-west-1::/restapis/edge2/stages/live"]}""", WebAcl);
        var results = fixture.Run("aws.wafv2.internet-facing-api-gateway");
        Assert.Equal(3, results.Count);
        Assert.Equal(FindingStatus.Pass, Of(results, "/restapis/pub1/stages/prod").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "/restapis/pub1/stages/test").Status);
        Assert.Equal("API Gateway stage blog/live is protected by web ACL edge.", Of(results, "/restapis/edge2/stages/live").Message);

        var noStages = new Fixture().With(AwsOperations.GetRestApis, """{"items":[{"id":"pub1","name":"shop","endpointConfiguration":{"types":["REGIONAL"]}}]}""")
            .Denied(AwsOperations.GetStages).Run("aws.wafv2.internet-facing-api-gateway");
        Assert.Equal(FindingStatus.NotAuthorized, Assert.Single(noStages).Status);
    }

    [Fact]
    public void App_runner_services_and_cognito_user_pools_need_a_web_acl()
    {
        var fixture = new Fixture()
            .With(AwsOperations.ListAppRunnerServices, """
                {"ServiceSummaryList":[
                  {"ServiceName":"api","ServiceId":"a1","ServiceArn":"arn:aws:apprunner:eu-west-1:111111111111:service/api/a1","ServiceUrl":"a1.eu-west-1.awsapprunner.com","CreatedAt":"2025-01-01T00:00:00+00:00","UpdatedAt":"2025-01-01T00:00:00+00:00","Status":"RUNNING"},
                  {"ServiceName":"admin","ServiceId":"b2","ServiceArn":"arn:aws:apprunner:eu-west-1:111111111111:service/admin/b2","ServiceUrl":"b2.eu-west-1.awsapprunner.com","CreatedAt":"2025-01-01T00:00:00+00:00","UpdatedAt":"2025-01-01T00:00:00+00:00","Status":"RUNNING"}]}
                """)
            .With(AwsOperations.ListUserPools, """
                {"UserPools":[
                  {"Id":"eu-west-1_Good","Name":"customers","LambdaConfig":{},"LastModifiedDate":"2025-01-01T00:00:00+00:00","CreationDate":"2025-01-01T00:00:00+00:00"},
                  {"Id":"eu-west-1_Bad","Name":"partners","LambdaConfig":{},"LastModifiedDate":"2025-01-01T00:00:00+00:00","CreationDate":"2025-01-01T00:00:00+00:00"}]}
                """);
        var unknown = fixture.Run("aws.wafv2.app-runner");
        Assert.All(unknown, r => Assert.Equal(FindingStatus.Error, r.Status));
        Assert.All(unknown, r => Assert.Contains("wafv2:ListWebACLs", r.Message));

        fixture.With(AwsOperations.ListWebACLs, $$"""{"WebACLs":[{"Name":"edge","Id":"abc","ARN":"{{WebAcl}}","LockToken":"t"}]}""")
            .With(AwsOperations.ListResourcesForWebACL, """{"ResourceArns":["arn:aws:apprunner:eu-west-1:111111111111:service/api/a1","arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_Good"]}""", WebAcl);
        var services = fixture.Run("aws.wafv2.app-runner");
        Assert.Equal(FindingStatus.Pass, Of(services, "/api/a1").Status);
        Assert.Equal(FindingStatus.Fail, Of(services, "/admin/b2").Status);
        var pools = fixture.Run("aws.wafv2.cognito-user-pool");
        Assert.Equal(FindingStatus.Pass, Of(pools, "userpool/eu-west-1_Good").Status);
        Assert.Equal("Cognito user pool partners (eu-west-1_Bad) has no WAF web ACL.", Of(pools, "userpool/eu-west-1_Bad").Message);
    }

    [Fact]
    public void AppFlow_flows_need_a_customer_managed_key()
    {
        const string flows = """
            {"flows":[
              {"flowArn":"arn:aws:appflow:eu-west-1:111111111111:flow/cmk","flowName":"cmk","flowStatus":"Active","sourceConnectorType":"Salesforce","destinationConnectorType":"S3","triggerType":"Scheduled"},
              {"flowArn":"arn:aws:appflow:eu-west-1:111111111111:flow/none","flowName":"none","flowStatus":"Active","sourceConnectorType":"Salesforce","destinationConnectorType":"S3","triggerType":"OnDemand"},
              {"flowArn":"arn:aws:appflow:eu-west-1:111111111111:flow/managed","flowName":"managed","flowStatus":"Active","sourceConnectorType":"Slack","destinationConnectorType":"S3","triggerType":"OnDemand"}]}
            """;
        var fixture = new Fixture().With(AwsOperations.ListFlows, flows)
            .With(AwsOperations.DescribeFlow, """{"flowArn":"arn:aws:appflow:eu-west-1:111111111111:flow/cmk","flowName":"cmk","kmsArn":"arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555","flowStatus":"Active"}""", "cmk")
            .With(AwsOperations.DescribeFlow, """{"flowArn":"arn:aws:appflow:eu-west-1:111111111111:flow/none","flowName":"none","flowStatus":"Active"}""", "none")
            .With(AwsOperations.DescribeFlow, """{"flowArn":"arn:aws:appflow:eu-west-1:111111111111:flow/managed","flowName":"managed","kmsArn":"arn:aws:kms:eu-west-1:111111111111:key/99999999-8888-7777-6666-555555555555","flowStatus":"Active"}""", "managed")
            .With(AwsOperations.ListAliases, """
                {"Aliases":[
                  {"AliasName":"alias/aws/appflow","AliasArn":"arn:aws:kms:eu-west-1:111111111111:alias/aws/appflow","TargetKeyId":"99999999-8888-7777-6666-555555555555"},
                  {"AliasName":"alias/crm","AliasArn":"arn:aws:kms:eu-west-1:111111111111:alias/crm","TargetKeyId":"11111111-2222-3333-4444-555555555555"}]}
                """);
        var results = fixture.Run("aws.appflow.customer-managed-key");
        Assert.Equal(FindingStatus.Pass, Of(results, "flow/cmk").Status);
        Assert.Equal(FindingStatus.Fail, Of(results, "flow/none").Status);
        Assert.Contains("alias/aws/appflow", Of(results, "flow/managed").Message);

        var undescribed = new Fixture().With(AwsOperations.ListFlows, flows).Denied(AwsOperations.DescribeFlow).Run("aws.appflow.customer-managed-key");
        Assert.Equal(3, undescribed.Count);
        Assert.All(undescribed, r => Assert.Equal(FindingStatus.NotAuthorized, r.Status));
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
