using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>ECR repositories make tags immutable.</summary>
public sealed class EcrTagImmutabilityCheck : RegionalListCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ecr.tag-immutability", "ECR image tags are immutable", Severity.Medium, "ecr", "aws.ecr.repository",
        "With immutable tags, a pushed tag (v1.2.3, prod) always names the same image.",
        "Anyone who can push can silently replace what a deployed tag points to.",
        new("aws ecr put-image-tag-mutability --repository-name REPO --image-tag-mutability IMMUTABLE",
            "# Set ImageTagMutability: IMMUTABLE on AWS::ECR::Repository.",
            "# Set image_tag_mutability = \"IMMUTABLE\" on aws_ecr_repository."),
        ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html"],
        [AwsOperations.DescribeRepositories], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.DescribeRepositories;

    protected override CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement repo)
    {
        var name = repo.GetString("repositoryName") ?? "";
        var mutability = repo.GetString("imageTagMutability");
        return Verdict(mutability is "IMMUTABLE" or "IMMUTABLE_WITH_EXCLUSION", repo.GetString("repositoryArn") ?? name, account, region,
            $"{name} tags are immutable.", $"{name} tags are mutable.", new { repositoryName = name, imageTagMutability = mutability });
    }
}
