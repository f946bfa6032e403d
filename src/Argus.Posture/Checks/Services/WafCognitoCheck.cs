using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>Cognito user pools have a WAF web ACL.</summary>
public sealed class WafCognitoCheck : WebAclCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.wafv2.cognito-user-pool", "Cognito user pools have a WAF web ACL", Severity.Medium, "cognito-idp", "aws.cognito.user-pool",
        "A user pool's sign-in, sign-up and token endpoints (hosted UI and public API) are on the internet; a web ACL can rate-limit and filter them.",
        "Credential stuffing, sign-up abuse and password spraying reach the user pool unthrottled beyond Cognito's own quotas.",
        new("aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID",
            "# Add an AWS::WAFv2::WebACLAssociation with ResourceArn !GetAtt UserPool.Arn and WebACLArn the web ACL.",
            "# Add an aws_wafv2_web_acl_association with resource_arn = aws_cognito_user_pool.POOL.arn and web_acl_arn the web ACL."),
        ["https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html"],
        [AwsOperations.ListUserPools, AwsOperations.ListWebACLs, AwsOperations.ListResourcesForWebACL], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.ListUserPools;

    protected override string Kind => "Cognito user pool";

    private protected override IEnumerable<WebAclTarget> Targets(PostureContext context, string account, string region, Lookup lookup) =>
        PostureContext.Items(lookup).Select(pool =>
        {
            var id = pool.GetString("Id") ?? "";
            var name = pool.GetString("Name") ?? id;
            return new WebAclTarget($"arn:aws:cognito-idp:{region}:{account}:userpool/{id}", $"{name} ({id})", null, new { Id = id, Name = name });
        });
}
