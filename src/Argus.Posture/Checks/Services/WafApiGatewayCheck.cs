using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>Stages of internet-facing (edge-optimized or regional, not private) API Gateway REST APIs have a WAF web ACL.</summary>
public sealed class WafApiGatewayCheck : WebAclCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.wafv2.internet-facing-api-gateway", "Internet-facing API Gateway REST API stages have a WAF web ACL", Severity.Medium, "apigateway", "aws.apigateway.stage",
        "A web ACL is associated per stage; a REST API whose endpoint type is EDGE or REGIONAL (not PRIVATE) answers the internet on every deployed stage.",
        "The API's backends (Lambda functions, HTTP services) receive every request unfiltered: injection payloads, scrapers and floods the WAF rules would stop.",
        new("aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn arn:aws:apigateway:REGION::/restapis/API_ID/stages/STAGE",
            "# Add an AWS::WAFv2::WebACLAssociation with ResourceArn !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage} and WebACLArn the web ACL.",
            "# Add an aws_wafv2_web_acl_association with resource_arn = aws_api_gateway_stage.STAGE.arn and web_acl_arn the web ACL."),
        ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html"],
        [AwsOperations.GetRestApis, AwsOperations.GetStages, AwsOperations.ListWebACLs, AwsOperations.ListResourcesForWebACL], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.GetRestApis;

    protected override string Kind => "API Gateway stage";

    private protected override IEnumerable<WebAclTarget> Targets(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var api in PostureContext.Items(lookup))
        {
            var id = api.GetString("id") ?? "";
            var name = api.GetString("name") ?? id;
            var types = (api.GetObject("endpointConfiguration")?.GetArray("types") ?? []).Select(t => t.GetString()).OfType<string>().ToList();
            if (types.Contains("PRIVATE"))
            {
                continue;
            }

            var apiArn = $"arn:aws:apigateway:{region}::/restapis/{id}";
            var stages = context.Get(account, region, AwsOperations.GetStages, id);
            if (stages.Missing)
            {
                yield return new WebAclTarget(apiArn, name, null, new { restApiId = id }, stages);
                continue;
            }

            foreach (var stage in PostureContext.Items(stages))
            {
                var stageName = stage.GetString("stageName") ?? "";
                yield return new WebAclTarget($"{apiArn}/stages/{stageName}", $"{name}/{stageName}", stage.GetString("webAclArn"),
                    new { restApiId = id, name, stageName, endpointTypes = types });
            }
        }
    }
}
