namespace Argus.Aws.Doctor;

/// <summary>Who the credentials belong to, from sts:GetCallerIdentity.</summary>
/// <param name="Account">The 12-digit account id.</param>
/// <param name="Arn">The caller's ARN, e.g. an assumed-role session.</param>
/// <param name="PrincipalArn">The IAM user or role whose policies are simulated, or null when there is none (root, federated user).</param>
public sealed record CallerIdentity(string Account, string Arn, string? PrincipalArn)
{
    /// <summary>
    /// The principal whose policies decide what a caller may do: the role behind an assumed-role session
    /// (<c>arn:aws:sts::A:assumed-role/NAME/SESSION</c> → <c>arn:aws:iam::A:role/NAME</c>), the user itself, or null
    /// for the root user and federated users, which IAM cannot simulate.
    /// </summary>
    /// <remarks>A session ARN drops the role's path, so a role under a path cannot be found this way; the doctor then falls back to probes.</remarks>
    public static string? PrincipalFor(string callerArn)
    {
        var parts = callerArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn")
        {
            return null;
        }

        var (partition, service, account, resource) = (parts[1], parts[2], parts[4], parts[5]);
        if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var name = resource.Split('/')[1];
            return name.Length == 0 ? null : $"arn:{partition}:iam::{account}:role/{name}";
        }

        return service == "iam" && (resource.StartsWith("user/", StringComparison.Ordinal) || resource.StartsWith("role/", StringComparison.Ordinal))
            ? callerArn
            : null;
    }
}
