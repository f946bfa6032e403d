using Argus.Aws.Tests.Client;
using Argus.Tests;

namespace Argus.Cli.Tests;

/// <summary>
/// 'argus vm-scan worker' as the scanner's user data runs it: credentials from the environment (the default chain),
/// S3 at the configured endpoint, the attached volume found under /dev/disk/by-id by its id, a result put for the
/// job, and an exit at the END marker.
/// </summary>
[Collection(nameof(AwsEnvironment))]
public sealed class VmScanWorkerCommandTests
{
    private const string ScanId = "vm-20261126T013000-1a2b3c";
    private const string Jobs = "scans/" + ScanId + "/jobs/";

    [Fact]
    public void The_worker_answers_each_job_through_s3_and_stops_at_the_end_marker()
    {
        var root = TestPaths.NewTempFolder();
        var byId = Path.Combine(root, "dev", "disk", "by-id");
        Directory.CreateDirectory(byId);
        File.WriteAllBytes(Path.Combine(byId, "nvme-Amazon_Elastic_Block_Store_vol0123456789abcdef0"), new byte[1 << 20]);
        var objects = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Jobs + "vol-0123456789abcdef0.json"] = $$"""{"ScanId":"{{ScanId}}","VolumeId":"vol-0123456789abcdef0","Device":"/dev/sdf","Target":"i-0web vol-0root (/dev/xvda)"}""",
        };
        var puts = new List<(string Key, string Authorization)>();
        Answer S3(SeenRequest r)
        {
            var path = Uri.UnescapeDataString(r.PathAndQuery.Split('?')[0]).TrimStart('/');
            var key = path.Length > "argus-vm-scan-test/".Length ? path["argus-vm-scan-test/".Length..] : "";
            lock (objects)
            {
                switch (r.Method)
                {
                    case "GET" when key.Length == 0:
                        var listed = string.Concat(objects.Keys.Where(k => k.StartsWith(Jobs, StringComparison.Ordinal)).Select(k => $"<Contents><Key>{k}</Key><Size>1</Size></Contents>"));
                        return Answer.Xml($"<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>argus-vm-scan-test</Name><KeyCount>1</KeyCount><IsTruncated>false</IsTruncated>{listed}</ListBucketResult>");
                    case "GET":
                        return objects.TryGetValue(key, out var body) ? Answer.Json(body, type: "application/json") : Answer.Xml("<Error><Code>NoSuchKey</Code><Message>none</Message></Error>", 404);
                    case "PUT":
                        objects[key] = r.Body;
                        puts.Add((key, r.Headers.GetValueOrDefault("authorization", "")));
                        objects[Jobs + "END"] = "";
                        return Answer.Xml("", 200);
                    default:
                        return Answer.Xml("<Error><Code>NotImplemented</Code><Message>no</Message></Error>", 501);
                }
            }
        }

        using var server = new LocalAwsServer(S3);
        using var cli = new CliRun();

        // The device root and the IMDS address are Argus's own variables, set here around the run.
        var saved = (Environment.GetEnvironmentVariable("ARGUS_DEVICE_ROOT"), Environment.GetEnvironmentVariable("ARGUS_IMDS_ENDPOINT"));
        Environment.SetEnvironmentVariable("ARGUS_DEVICE_ROOT", root);
        Environment.SetEnvironmentVariable("ARGUS_IMDS_ENDPOINT", "http://127.0.0.1:9/");
        (int, string, string) run;
        try
        {
            run = AwsEnvironmentVariables.With(
                new Dictionary<string, string?>
                {
                    ["AWS_ENDPOINT_URL"] = server.Endpoint.ToString(),
                    ["AWS_ACCESS_KEY_ID"] = "ASIAINSTANCEROLE",
                    ["AWS_SECRET_ACCESS_KEY"] = "instance-secret",
                },
                () => cli.Run("vm-scan", "worker", "--scan-id", ScanId, "--results", "s3://argus-vm-scan-test/scans", "--region", "eu-west-1"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ARGUS_DEVICE_ROOT", saved.Item1);
            Environment.SetEnvironmentVariable("ARGUS_IMDS_ENDPOINT", saved.Item2);
        }

        var (code, output, error) = run;

        Assert.True(code == 0, output + error);
        Assert.Contains("Answered 1 jobs.", error);
        var (resultKey, authorization) = Assert.Single(puts);
        Assert.Equal($"scans/{ScanId}/results/vol-0123456789abcdef0.json", resultKey);
        Assert.Contains("Credential=ASIAINSTANCEROLE/", authorization);
        using var result = System.Text.Json.JsonDocument.Parse(objects[resultKey]);
        Assert.Equal("vol-0123456789abcdef0", result.RootElement.GetProperty("VolumeId").GetString());
        Assert.False(result.RootElement.TryGetProperty("Error", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, result.RootElement.GetProperty("Scans").ValueKind);
        Assert.Equal("empty", result.RootElement.GetProperty("Scans")[0].GetProperty("FileSystemType").GetString());
        Assert.DoesNotContain("instance-secret", output + error + objects[resultKey]);
    }
}
