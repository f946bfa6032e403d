using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>EC2 Image Builder pipelines run image tests before distributing an image.</summary>
public sealed class ImageBuilderTestsCheck : RegionalListCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.imagebuilder.image-tests", "Image Builder pipelines test images before distributing them", Severity.Low, "imagebuilder", "aws.imagebuilder.image-pipeline",
        "Image tests (and enhanced metadata, which feeds Inspector) run on each built image before it is distributed.",
        "Broken or non-compliant golden images reach every instance launched from them.",
        new("aws imagebuilder update-image-pipeline --image-pipeline-arn ARN --image-tests-configuration imageTestsEnabled=true,timeoutMinutes=60 ...",
            "# Set ImageTestsConfiguration: { ImageTestsEnabled: true } on AWS::ImageBuilder::ImagePipeline.",
            "# Set image_tests_configuration { image_tests_enabled = true } on aws_imagebuilder_image_pipeline."),
        ["https://docs.aws.amazon.com/imagebuilder/latest/userguide/manage-pipelines.html"],
        [AwsOperations.ListImagePipelines], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.ListImagePipelines;

    protected override CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement pipeline)
    {
        var name = pipeline.GetString("name") ?? "";
        var tests = pipeline.GetObject("imageTestsConfiguration")?.GetBool("imageTestsEnabled") != false;
        return Verdict(tests, pipeline.GetString("arn") ?? name, account, region, $"{name} tests its images.", $"{name} distributes images without tests.",
            new { name, imageTestsEnabled = tests, enhancedImageMetadataEnabled = pipeline.GetBool("enhancedImageMetadataEnabled"), status = pipeline.GetString("status") });
    }
}
