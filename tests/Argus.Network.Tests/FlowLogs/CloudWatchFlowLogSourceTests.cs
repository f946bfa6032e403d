using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.Network.FlowLogs;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Sources;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

public sealed class CloudWatchFlowLogSourceTests
{
    [Fact]
    public void Reads_every_page_of_the_named_log_group_in_its_flow_log_format()
    {
        // The v5 fixture's records (no header: CloudWatch lines carry none) served 10 events a page in JSON 1.1.
        var lines = File.ReadAllLines(TestPaths.Fixture("flow-logs", "v5-custom.log"));
        var format = string.Join(' ', lines[0].Split(' ').Select(f => "${" + f + "}"));
        var records = lines[1..];
        var requests = new List<JsonDocument>();
        using var server = new LoopbackHttpServer(async context =>
        {
            Assert.Equal("Logs_20140328.FilterLogEvents", context.Request.Headers["X-Amz-Target"]);
            var body = JsonDocument.Parse(await new StreamReader(context.Request.InputStream).ReadToEndAsync());
            requests.Add(body);
            var from = body.RootElement.TryGetProperty("nextToken", out var t) ? int.Parse(t.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var page = records.Skip(from).Take(10).Select((m, i) => new { logStreamName = m.Split(' ')[5], timestamp = 1583204400000L, message = m, eventId = $"{from + i}" });
            var next = from + 10 < records.Length ? (from + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            var json = JsonSerializer.SerializeToUtf8Bytes(next is null ? new { events = page.ToArray(), searchedLogStreams = Array.Empty<object>() } : (object)new { events = page.ToArray(), nextToken = next });
            context.Response.ContentType = "application/x-amz-json-1.1";
            context.Response.ContentLength64 = json.Length;
            await context.Response.OutputStream.WriteAsync(json);
            context.Response.Close();
        });
        var flowLogs = new[]
        {
            new FlowLogConfiguration("fl-1", "554773406868", "us-east-2", "vpc-0008a7b45e3ddf1dd", "ALL", "cloud-watch-logs", "arn:aws:logs:us-east-2:554773406868:log-group:vpc-flow", "vpc-flow", format, "ACTIVE"),
            new FlowLogConfiguration("fl-2", "554773406868", "us-east-2", "vpc-0008a7b45e3ddf1dd", "ALL", "s3", "arn:aws:s3:::bucket", null, null, "ACTIVE"),
        };
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, new AwsApiClientOptions { MaxAttempts = 1 });
        var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        var source = new CloudWatchFlowLogSource(client, region => new AwsCallContext(credentials, region, server.Endpoint), flowLogs,
            since: DateTimeOffset.FromUnixTimeSeconds(1583200000));

        var report = RuleUsageAnalysis.Run(Fixtures.NatGateway(), source, new RuleUsageOptions { MinimumWindow = TimeSpan.Zero });

        var read = Assert.Single(report.Sources);
        Assert.Equal("cloudwatch:us-east-2:vpc-flow", read.Source);
        Assert.Equal(25, read.Records);
        Assert.Equal(0, read.MalformedLines);
        Assert.Equal(3, requests.Count);
        Assert.Equal("vpc-flow", requests[0].RootElement.GetProperty("logGroupName").GetString());
        Assert.Equal(1583200000000L, requests[0].RootElement.GetProperty("startTime").GetInt64());
        Assert.Equal("10", requests[1].RootElement.GetProperty("nextToken").GetString());
        Assert.Equal(3, report.Rules.Single(r => r.Rule.Key == "sg-0253af84ae6485905/ingress/tcp/22-22/0.0.0.0/0").Hits);
    }

    [Fact]
    public void A_refused_call_is_reported_for_its_group_and_the_run_goes_on()
    {
        using var server = new LoopbackHttpServer(async context =>
        {
            var json = Encoding.UTF8.GetBytes("""{"__type":"AccessDeniedException","message":"User is not authorized to perform: logs:FilterLogEvents"}""");
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.OutputStream.WriteAsync(json);
            context.Response.Close();
        });
        var flowLogs = new[] { new FlowLogConfiguration("fl-1", "554773406868", "us-east-2", "vpc-0008a7b45e3ddf1dd", "ALL", "cloud-watch-logs", null, "vpc-flow", null, "ACTIVE") };
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, new AwsApiClientOptions { MaxAttempts = 1 });
        var source = new CloudWatchFlowLogSource(client, region => new AwsCallContext(new BasicAWSCredentials("a", "b"), region, server.Endpoint), flowLogs);

        var report = RuleUsageAnalysis.Run(Fixtures.NatGateway(), source);

        Assert.Contains("not authorized", Assert.Single(Assert.Single(report.Sources).Problems));
        Assert.All(report.Interfaces, i => Assert.False(i.Covered));
    }
}
