using Argus.Aws.Client;

namespace Argus.Aws.Tests.Client;

public sealed class RetryHookTests
{
    [Fact]
    public async Task The_call_context_hears_of_each_throttled_retry()
    {
        var calls = 0;
        using var server = new LocalAwsServer(_ => Interlocked.Increment(ref calls) <= 2
            ? Answer.Xml("<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors></Response>", 503)
            : Answer.Xml("""<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><vpcSet/></DescribeVpcsResponse>"""));
        var heard = new List<AwsErrorKind>();
        var context = ClientHarness.Context(server) with { OnRetry = e => heard.Add(e.Kind) };

        using var _ = await ClientHarness.Client("ec2:DescribeVpcs").CallAsync("ec2", "DescribeVpcs", null, context, CancellationToken.None);

        Assert.Equal([AwsErrorKind.Throttled, AwsErrorKind.Throttled], heard);
    }
}
