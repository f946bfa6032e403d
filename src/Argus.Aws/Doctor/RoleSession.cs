using System.Text.Json.Nodes;
using Amazon.Runtime;
using Argus.Aws.Client;

namespace Argus.Aws.Doctor;

/// <summary>A cross-account role assumed with sts:AssumeRole through the generic client, as a call context.</summary>
public static class RoleSession
{
    /// <summary>The session name CloudTrail records for Argus's own calls.</summary>
    public const string DefaultSessionName = "argus";

    /// <summary>Assumes <paramref name="roleArn"/> with the caller's credentials and returns a context on the session's temporary credentials.</summary>
    /// <exception cref="AwsIdentityException">The role could not be assumed (missing trust, wrong external id, invalid credentials).</exception>
    public static async Task<AwsCallContext> AssumeAsync(AwsApiClient client, AwsCallContext ctx, string roleArn, string? externalId, CancellationToken ct, string sessionName = DefaultSessionName)
    {
        var parameters = new JsonObject { ["RoleArn"] = roleArn, ["RoleSessionName"] = sessionName };
        if (externalId is not null)
        {
            parameters["ExternalId"] = externalId;
        }

        try
        {
            using var answer = await client.CallAsync("sts", "AssumeRole", parameters, ctx, ct).ConfigureAwait(false);
            var credentials = answer.RootElement.GetProperty("Credentials");
            var session = new SessionAWSCredentials(
                credentials.GetProperty("AccessKeyId").GetString(),
                credentials.GetProperty("SecretAccessKey").GetString(),
                credentials.GetProperty("SessionToken").GetString());
            return ctx with { Credentials = session };
        }
        catch (AwsApiException e)
        {
            var failure = e.Code is "TransportError" or "Timeout" ? IdentityFailure.EndpointUnreachable
                : e.Kind == AwsErrorKind.AccessDenied ? IdentityFailure.InvalidCredentials
                : IdentityFailure.Other;
            throw new AwsIdentityException(failure, $"could not assume {roleArn} ({e.Code}): check the role's trust policy{(externalId is null ? "" : " and the external id")}", e);
        }
        catch (AmazonClientException e)
        {
            throw new AwsIdentityException(IdentityFailure.NoCredentials, $"no usable AWS credentials to assume {roleArn}: {e.Message}", e);
        }
        catch (KeyNotFoundException)
        {
            throw new AwsIdentityException(IdentityFailure.Other, $"sts:AssumeRole for {roleArn} answered without credentials");
        }
    }
}
