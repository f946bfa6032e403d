using System.Text.Json.Nodes;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Tests.Client;

/// <summary>Operations whose host carries an input label (S3 Control's account id).</summary>
public sealed class HostPrefixTests
{
    private static readonly AwsCallContext Frankfurt = new(new BasicAWSCredentials("AKID", "secret"), "eu-central-1");
    private static readonly ServiceModel S3Control = ServiceModel.Find("s3control")!;

    [Fact]
    public void The_standard_endpoint_takes_the_account_as_a_host_label()
    {
        var (endpoint, region) = AwsEndpoints.Resolve(S3Control, S3Control.Operation("GetPublicAccessBlock")!, new JsonObject { ["AccountId"] = "111122223333" },
            Frankfurt, new AwsApiClientOptions { Environment = _ => null });

        Assert.Equal("https://111122223333.s3-control.eu-central-1.amazonaws.com/", endpoint.ToString());
        Assert.Equal("eu-central-1", region);
    }

    [Fact]
    public void A_configured_endpoint_is_used_as_given()
    {
        var (endpoint, _) = AwsEndpoints.Resolve(S3Control, S3Control.Operation("GetPublicAccessBlock")!, new JsonObject { ["AccountId"] = "111122223333" },
            Frankfurt, new AwsApiClientOptions { Environment = n => n == "AWS_ENDPOINT_URL_S3_CONTROL" ? "http://127.0.0.1:4566" : null });

        Assert.Equal("http://127.0.0.1:4566/", endpoint.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("evil.example/x")]
    public void A_missing_or_unsafe_label_is_refused(string? account)
    {
        var parameters = account is null ? new JsonObject() : new JsonObject { ["AccountId"] = account };

        var e = Assert.Throws<ArgumentException>(() => AwsEndpoints.Resolve(S3Control, S3Control.Operation("GetPublicAccessBlock")!, parameters,
            Frankfurt, new AwsApiClientOptions { Environment = _ => null }));

        Assert.Contains("AccountId", e.Message);
    }
}
