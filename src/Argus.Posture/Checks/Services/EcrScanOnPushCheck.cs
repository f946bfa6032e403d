using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>ECR repositories scan images on push.</summary>
public sealed class EcrScanOnPushCheck : RegionalListCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ecr.scan-on-push", "ECR repositories scan images on push", Severity.Medium, "ecr", "aws.ecr.repository",
        "With scan on push, every pushed image is scanned for known vulnerabilities before anyone pulls it.",
        "Images with known critical CVEs reach production without anyone being told.",
        new("aws ecr put-image-scanning-configuration --repository-name REPO --image-scanning-configuration scanOnPush=true",
            "# Set ImageScanningConfiguration: { ScanOnPush: true } on AWS::ECR::Repository.",
            "# Set image_scanning_configuration { scan_on_push = true } on aws_ecr_repository."),
        ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"],
        [AwsOperations.DescribeRepositories], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.DescribeRepositories;

    protected override CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement repo)
    {
        var name = repo.GetString("repositoryName") ?? "";
        var on = repo.GetObject("imageScanningConfiguration")?.GetBool("scanOnPush") == true;
        return Verdict(on, repo.GetString("repositoryArn") ?? name, account, region, $"{name} scans images on push.", $"{name} does not scan images on push.", new { repositoryName = name, scanOnPush = on });
    }
}
