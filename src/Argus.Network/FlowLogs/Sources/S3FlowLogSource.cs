using System.Globalization;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Argus.Aws.Permissions;
using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.Network.FlowLogs.Sources;

/// <summary>
/// Flow logs delivered to S3 (<c>AWSLogs/&lt;account&gt;/vpcflowlogs/&lt;region&gt;/YYYY/MM/DD/...log.gz</c>), listed and
/// read with AWSSDK.S3: s3:GetBucketLocation (to call the bucket's region), s3:ListBucket under the prefix,
/// s3:GetObject per object. Each action is checked against the permission catalog before the call is made.
/// Objects whose day folder lies wholly before <c>since</c> are not read.
/// </summary>
public sealed partial class S3FlowLogSource : IFlowLogSource
{
    private readonly S3Location location;
    private readonly AWSCredentials credentials;
    private readonly string region;
    private readonly Uri? endpoint;
    private readonly DateTimeOffset? since;
    private readonly IPermissionCatalog catalog;

    /// <param name="region">Where to ask for the bucket's location; the bucket's own region is used after.</param>
    /// <param name="endpoint">An S3-compatible endpoint (path-style); null for AWS.</param>
    public S3FlowLogSource(S3Location location, AWSCredentials credentials, string region, Uri? endpoint = null, DateTimeOffset? since = null, IPermissionCatalog? catalog = null)
    {
        this.location = location ?? throw new ArgumentNullException(nameof(location));
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.region = region;
        this.endpoint = endpoint;
        this.since = since;
        this.catalog = catalog ?? AwsPermissionCatalog.Instance;
    }

    public string Description => location.ToString();

    /// <summary>Objects skipped because their day folder is before <c>since</c>.</summary>
    public int SkippedBySince { get; private set; }

    /// <exception cref="PermissionDeniedByCatalogException">An action is missing from the catalog; nothing was sent.</exception>
    /// <exception cref="AmazonS3Exception">S3 refused the listing (the reading of single objects is reported per object instead).</exception>
    public IEnumerable<FlowLogInput> Inputs(CancellationToken ct)
    {
        var client = Client(region);
        Require("s3:GetBucketLocation");
        var located = client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = location.Bucket }, ct).GetAwaiter().GetResult();
        var bucketRegion = located.Location?.Value is { Length: > 0 } r ? (r == "EU" ? "eu-west-1" : r) : "us-east-1";
        if (endpoint is null && bucketRegion != region)
        {
            client.Dispose();
            client = Client(bucketRegion);
        }

        return List(client, ct);
    }

    private IEnumerable<FlowLogInput> List(AmazonS3Client client, CancellationToken ct)
    {
        using (client)
        {
            var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Prefix };
            while (true)
            {
                Require("s3:ListBucket");
                var page = client.ListObjectsV2Async(request, ct).GetAwaiter().GetResult();
                foreach (var o in page.S3Objects ?? [])
                {
                    if (!(o.Key.EndsWith(".log.gz", StringComparison.Ordinal) || o.Key.EndsWith(".log", StringComparison.Ordinal) || o.Key.EndsWith(".gz", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    if (since is { } s && DayOf(o.Key) is { } day && day.AddDays(1) <= s)
                    {
                        SkippedBySince++;
                        continue;
                    }

                    var key = o.Key;
                    yield return new FlowLogInput($"s3://{location.Bucket}/{key}", token => Open(client, key, token), null, o.Size);
                }

                if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                {
                    yield break;
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
        }
    }

    private Stream Open(AmazonS3Client client, string key, CancellationToken ct)
    {
        Require("s3:GetObject");
        var response = client.GetObjectAsync(location.Bucket, key, ct).GetAwaiter().GetResult();
        return response.ResponseStream;
    }

    private AmazonS3Client Client(string regionName)
    {
        var config = new AmazonS3Config();
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = regionName;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(regionName);
        }

        return new AmazonS3Client(credentials, config);
    }

    private void Require(string action)
    {
        if (catalog.Find(Provider.Aws, action) is null)
        {
            throw new PermissionDeniedByCatalogException(action);
        }
    }

    /// <summary>The delivery day from a key's <c>/YYYY/MM/DD/</c> folders, or null.</summary>
    internal static DateTimeOffset? DayOf(string key)
    {
        var m = DayFolder().Match(key);
        return m.Success && DateTimeOffset.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day) ? day : null;
    }

    [GeneratedRegex(@"/vpcflowlogs/[a-z0-9-]+/(\d{4})/(\d{2})/(\d{2})/")]
    private static partial Regex DayFolder();
}
