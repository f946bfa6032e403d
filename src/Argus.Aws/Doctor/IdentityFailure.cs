namespace Argus.Aws.Doctor;

/// <summary>Why sts:GetCallerIdentity failed, in terms of what the user must fix.</summary>
public enum IdentityFailure
{
    /// <summary>No credentials could be resolved (no environment variables, profile, SSO session or instance role).</summary>
    NoCredentials,

    /// <summary>AWS rejected the credentials: unknown key, wrong secret, expired session token.</summary>
    InvalidCredentials,

    /// <summary>The STS endpoint could not be reached or did not answer.</summary>
    EndpointUnreachable,

    /// <summary>Any other failure; the message carries the AWS error code.</summary>
    Other,
}
