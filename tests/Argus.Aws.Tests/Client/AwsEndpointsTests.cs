using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Tests.Client;

public sealed class AwsEndpointsTests
{
    private static readonly AwsCallContext Frankfurt = new(new BasicAWSCredentials("AKID", "secret"), "eu-central-1");

    [Theory]
    [InlineData("ec2", "https://ec2.eu-central-1.amazonaws.com/", "eu-central-1")]
    [InlineData("elbv2", "https://elasticloadbalancing.eu-central-1.amazonaws.com/", "eu-central-1")]
    [InlineData("iam", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("organizations", "https://organizations.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("sts", "https://sts.eu-central-1.amazonaws.com/", "eu-central-1")]
    public void Standard_endpoints(string service, string endpoint, string signingRegion)
    {
        var (uri, region) = AwsEndpoints.Resolve(ServiceModel.Find(service)!, Frankfurt, Options(_ => null));

        Assert.Equal(endpoint, uri.ToString());
        Assert.Equal(signingRegion, region);
    }

    [Fact]
    public void Service_variable_wins_over_the_general_one_unless_ignored()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://localhost:4566",
            ["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"] = "https://elb.vpce.example",
        };
        var elb = ServiceModel.Find("elbv2")!;

        Assert.Equal("https://elb.vpce.example/", AwsEndpoints.Resolve(elb, Frankfurt, Options(environment.GetValueOrDefault)).Endpoint.ToString());
        Assert.Equal("http://localhost:4566/", AwsEndpoints.Resolve(ServiceModel.Find("ec2")!, Frankfurt, Options(environment.GetValueOrDefault)).Endpoint.ToString());
        environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        Assert.Equal("https://elasticloadbalancing.eu-central-1.amazonaws.com/", AwsEndpoints.Resolve(elb, Frankfurt, Options(environment.GetValueOrDefault)).Endpoint.ToString());
    }

    [Theory]
    [InlineData("ec2", "https://ec2-fips.eu-central-1.amazonaws.com/")]
    [InlineData("iam", "https://iam-fips.us-east-1.amazonaws.com/")]
    public void Fips_endpoints(string service, string endpoint) =>
        Assert.Equal(endpoint, AwsEndpoints.Resolve(ServiceModel.Find(service)!, Frankfurt, Options(_ => null) with { UseFipsEndpoint = true }).Endpoint.ToString());

    [Fact]
    public void Profile_endpoint_comes_after_the_environment()
    {
        var options = Options(_ => null) with { ProfileEndpointUrl = "http://127.0.0.1:4566" };

        Assert.Equal("http://127.0.0.1:4566/", AwsEndpoints.Resolve(ServiceModel.Find("eks")!, Frankfurt, options).Endpoint.ToString());
        Assert.Equal("http://env/", AwsEndpoints.Resolve(ServiceModel.Find("eks")!, Frankfurt, options with { Environment = n => n == "AWS_ENDPOINT_URL_EKS" ? "http://env" : null }).Endpoint.ToString());
    }

    [Fact]
    public void A_malformed_endpoint_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => AwsEndpoints.Resolve(ServiceModel.Find("ec2")!, Frankfurt, Options(n => n == "AWS_ENDPOINT_URL" ? "not a url" : null)));

        Assert.Contains("not a url", e.Message, StringComparison.Ordinal);
    }

    private static AwsApiClientOptions Options(Func<string, string?> environment) => new() { Environment = environment };

    [Fact]
    public void Every_shipped_model_loads_with_its_paginators()
    {
        foreach (var service in new[] { "ec2", "elbv2", "iam", "sts", "organizations", "directconnect", "logs", "eks", "s3" })
        {
            var model = ServiceModel.Find(service);
            Assert.NotNull(model);
            Assert.NotNull(model.Operation(model.Service == "sts" ? "GetCallerIdentity" : service switch
            {
                "ec2" => "DescribeSecurityGroups",
                "elbv2" => "DescribeLoadBalancers",
                "iam" => "GetAccountAuthorizationDetails",
                "organizations" => "ListAccounts",
                "directconnect" => "DescribeDirectConnectGateways",
                "logs" => "DescribeLogGroups",
                "eks" => "ListClusters",
                _ => "GetBucketPolicy",
            }));
        }

        Assert.Equal(["Marker"], ServiceModel.Find("iam")!.PaginatorFor("GetAccountAuthorizationDetails")!.InputTokens);
        Assert.Null(ServiceModel.Find("nosuchservice"));
    }
}
