using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>Internet-facing application load balancers are associated with a WAF web ACL.</summary>
public sealed class WafLoadBalancerCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.wafv2.internet-facing-alb", "Internet-facing application load balancers have a WAF web ACL", Severity.Medium, "wafv2", "aws.elbv2.load-balancer",
        "A regional WAF web ACL filters HTTP requests (SQL injection, known bad inputs, rate limits) before they reach the targets.",
        "Web applications behind the load balancer face the internet with no request filtering.",
        new("aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn LOAD_BALANCER_ARN",
            "# Add an AWS::WAFv2::WebACLAssociation with ResourceArn the load balancer and WebACLArn the web ACL.",
            "# Add an aws_wafv2_web_acl_association with resource_arn the load balancer."),
        ["https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html"],
        [AwsOperations.DescribeLoadBalancers, AwsOperations.ListWebACLs, AwsOperations.ListResourcesForWebACL], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.DescribeLoadBalancers;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var exposed = PostureContext.Items(lookup).Where(lb => lb.GetString("Scheme") == "internet-facing" && lb.GetString("Type") == "application").ToList();
        if (exposed.Count == 0)
        {
            yield break;
        }

        var (protectedBy, missing) = WebAclAssociations.Of(context, account, region);
        foreach (var lb in exposed)
        {
            var arn = lb.GetString("LoadBalancerArn") ?? "";
            var name = lb.GetString("LoadBalancerName") ?? arn;
            if (protectedBy.TryGetValue(arn, out var acl))
            {
                yield return Pass(arn, account, region, $"{name} is protected by web ACL {acl}.", new { LoadBalancerName = name, webAcl = acl });
            }
            else if (missing is { } m)
            {
                yield return Missing(m, arn, account, region);
            }
            else
            {
                yield return Fail(arn, account, region, $"Internet-facing load balancer {name} has no WAF web ACL.", new { LoadBalancerName = name, DNSName = lb.GetString("DNSName") });
            }
        }
    }
}
