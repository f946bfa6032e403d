using Argus.Aws.Registry;
using Argus.Aws.Tests.Client;

namespace Argus.Aws.Tests.Registry;

public sealed class EcrAuthorizationTests
{
    [Fact]
    public async Task Decodes_the_token_of_get_authorization_token()
    {
        var token = Convert.ToBase64String("AWS:eyJwYXlsb2FkIjoi"u8.ToArray());
        using var server = new LocalAwsServer(_ => Answer.Json($$"""{"authorizationData":[{"authorizationToken":"{{token}}","expiresAt":1.7E9,"proxyEndpoint":"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"}]}"""));
        var login = await new EcrAuthorization(ClientHarness.Client("ecr:GetAuthorizationToken")).GetLoginAsync(ClientHarness.Context(server), CancellationToken.None);

        Assert.Equal(("AWS", "eyJwYXlsb2FkIjoi"), login);
        var request = Assert.Single(server.Requests);
        Assert.Equal("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken", request.Headers["x-amz-target"]);
    }

    [Fact]
    public async Task Is_refused_by_a_catalog_without_the_permission()
    {
        using var server = new LocalAwsServer(_ => Answer.Json("{}"));
        await Assert.ThrowsAnyAsync<Exception>(() => new EcrAuthorization(ClientHarness.Client("ecr:ListImages")).GetLoginAsync(ClientHarness.Context(server), CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "eu-west-1")]
    [InlineData("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com", "us-gov-west-1")]
    [InlineData("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", "cn-north-1")]
    [InlineData("ghcr.io", null)]
    [InlineData("public.ecr.aws", null)]
    public void Finds_the_region_of_an_ecr_host(string host, string? region) => Assert.Equal(region, EcrAuthorization.RegionOf(host));
}
