using System.Net.Http.Headers;

namespace Argus.VmScan.Workflow;

/// <summary>
/// The instance Argus runs on, from the instance metadata service with IMDSv2 (a session token first); the endpoint
/// is injectable so tests answer it locally.
/// </summary>
public sealed class InstanceMetadata(HttpClient http, Uri? endpoint = null)
{
    /// <summary>The standard IMDS address.</summary>
    public static Uri DefaultEndpoint { get; } = new("http://169.254.169.254/");

    private readonly Uri endpoint = endpoint ?? DefaultEndpoint;

    /// <summary>This instance's id.</summary>
    /// <exception cref="InvalidOperationException">No instance metadata service answered: Argus is not running on EC2.</exception>
    public async Task<string> InstanceIdAsync(CancellationToken ct)
    {
        try
        {
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, "latest/api/token"));
            tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "300");
            using var tokenAnswer = await http.SendAsync(tokenRequest, ct).ConfigureAwait(false);
            tokenAnswer.EnsureSuccessStatusCode();
            var token = await tokenAnswer.Content.ReadAsStringAsync(ct).ConfigureAwait(false);

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "latest/meta-data/instance-id"));
            request.Headers.Add("X-aws-ec2-metadata-token", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
            using var answer = await http.SendAsync(request, ct).ConfigureAwait(false);
            answer.EnsureSuccessStatusCode();
            var id = (await answer.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Trim();
            return id.StartsWith("i-", StringComparison.Ordinal)
                ? id
                : throw new InvalidOperationException($"the instance metadata service at {endpoint} answered '{id}', not an instance id");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"--scanner-instance self: no instance metadata service (IMDSv2) answered at {endpoint}; run Argus on the scanner instance or name it (--scanner-instance i-...): {e.Message}", e);
        }
    }
}
