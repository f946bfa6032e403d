using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Argus.Aws.Permissions;
using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.VmScan.Scanner;

/// <summary>
/// The results channel on S3 (AWSSDK.S3): s3:PutObject, s3:GetObject, s3:ListBucket (ListObjectsV2) and
/// s3:DeleteObject in one bucket, each checked against the permission catalog before it is sent and counted.
/// Bodies are sent whole (no aws-chunked encoding), so any S3-compatible endpoint accepts them.
/// </summary>
public sealed class S3ResultsStore : IResultsStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly string bucket;
    private readonly IPermissionCatalog catalog;
    private readonly Action<string>? counted;

    /// <param name="region">The bucket's region (the scanner's).</param>
    /// <param name="endpoint">An S3-compatible endpoint (path-style); null for AWS.</param>
    /// <param name="counted">Told the IAM action of every call, for the scan's call counts.</param>
    public S3ResultsStore(ResultsLocation location, AWSCredentials credentials, string region, Uri? endpoint = null, Action<string>? counted = null, IPermissionCatalog? catalog = null)
    {
        bucket = location.Bucket;
        this.catalog = catalog ?? AwsPermissionCatalog.Instance;
        this.counted = counted;
        var config = new AmazonS3Config
        {
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        client = new AmazonS3Client(credentials, config);
    }

    public async Task PutAsync(string key, byte[] body, CancellationToken ct)
    {
        Require("s3:PutObject");
        using var stream = new MemoryStream(body, writable: false);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = key, InputStream = stream, ContentType = "application/json", UseChunkEncoding = false,
        }, ct).ConfigureAwait(false);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        Require("s3:GetObject");
        try
        {
            using var response = await client.GetObjectAsync(bucket, key, ct).ConfigureAwait(false);
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy, ct).ConfigureAwait(false);
            return copy.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        while (true)
        {
            Require("s3:ListBucket");
            var page = await client.ListObjectsV2Async(request, ct).ConfigureAwait(false);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            if (page.IsTruncated != true || page.NextContinuationToken is null)
            {
                return keys;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        Require("s3:DeleteObject");
        await client.DeleteObjectAsync(bucket, key, ct).ConfigureAwait(false);
    }

    public void Dispose() => client.Dispose();

    private void Require(string action)
    {
        if (catalog.Find(Provider.Aws, action) is null)
        {
            throw new PermissionDeniedByCatalogException(action);
        }

        counted?.Invoke(action);
    }
}
