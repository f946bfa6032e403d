using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>App Runner services have a WAF web ACL.</summary>
public sealed class WafAppRunnerCheck : WebAclCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.wafv2.app-runner", "App Runner services have a WAF web ACL", Severity.Medium, "apprunner", "aws.apprunner.service",
        "An App Runner service serves its default domain (and custom domains) over HTTPS; a web ACL filters those requests. apprunner:ListServices does not say whether a service's ingress is private (a VPC interface endpoint only), so every listed service is judged: mute private ones with a reason.",
        "The service's application code receives every request from the internet unfiltered.",
        new("aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn SERVICE_ARN",
            "# Add an AWS::WAFv2::WebACLAssociation with ResourceArn !GetAtt Service.ServiceArn and WebACLArn the web ACL.",
            "# Add an aws_wafv2_web_acl_association with resource_arn = aws_apprunner_service.SERVICE.arn and web_acl_arn the web ACL."),
        ["https://docs.aws.amazon.com/apprunner/latest/dg/waf.html"],
        [AwsOperations.ListAppRunnerServices, AwsOperations.ListWebACLs, AwsOperations.ListResourcesForWebACL], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.ListAppRunnerServices;

    protected override string Kind => "App Runner service";

    private protected override IEnumerable<WebAclTarget> Targets(PostureContext context, string account, string region, Lookup lookup) =>
        PostureContext.Items(lookup)
            .Where(s => s.GetString("Status") != "DELETED")
            .Select(s => new WebAclTarget(s.GetString("ServiceArn") ?? "", s.GetString("ServiceName") ?? "", null,
                new { ServiceName = s.GetString("ServiceName"), ServiceUrl = s.GetString("ServiceUrl"), Status = s.GetString("Status") }));
}
