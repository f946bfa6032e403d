using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>ECR repository policies do not allow everyone (Principal "*" without a condition).</summary>
public sealed class EcrPublicRepositoryCheck : RegionalListCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ecr.public-repository", "ECR repositories are not open to everyone", Severity.High, "ecr", "aws.ecr.repository",
        "A repository policy that allows \"Principal\": \"*\" lets any AWS account pull (or push) its images.",
        "Images leak code, configuration and sometimes secrets; push access lets anyone plant an image.",
        new("aws ecr delete-repository-policy --repository-name REPO (or set a policy naming your accounts)",
            "# Remove the Principal \"*\" statement from RepositoryPolicyText on AWS::ECR::Repository.",
            "# Remove the principals { identifiers = [\"*\"] } statement from aws_ecr_repository_policy."),
        ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html"],
        [AwsOperations.DescribeRepositories, AwsOperations.GetRepositoryPolicy], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.DescribeRepositories;

    protected override CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement repo)
    {
        var name = repo.GetString("repositoryName") ?? "";
        var arn = repo.GetString("repositoryArn") ?? name;
        var policy = context.Get(account, region, AwsOperations.GetRepositoryPolicy, name);
        if (policy.Missing)
        {
            return Missing(policy, arn, account, region);
        }

        var open = policy.Found && policy.Root.TryGetProperty("policyText", out var text)
            ? PolicyDocument.Statements(text).Where(s => PolicyDocument.IsAllow(s) && PolicyDocument.PrincipalIsEveryone(s) && !PolicyDocument.HasCondition(s)).SelectMany(s => PolicyDocument.Values(s, "Action")).ToList()
            : [];
        return Verdict(open.Count == 0, arn, account, region, $"{name} is not open to everyone.", $"{name}'s policy allows {string.Join(", ", open)} to everyone.", new { repositoryName = name, actionsOpenToEveryone = open });
    }
}
