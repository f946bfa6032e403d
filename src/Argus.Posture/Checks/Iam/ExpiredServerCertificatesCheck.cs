using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: no expired SSL/TLS certificate is stored in IAM.</summary>
public sealed class ExpiredServerCertificatesCheck : AccountCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.expired-server-certificates", "No expired server certificates are stored in IAM", Severity.Medium, "iam", "aws.iam.server-certificate",
        "IAM can store TLS certificates for load balancers and CloudFront; expired ones stay until deleted.",
        "An expired certificate can be deployed by mistake and break or weaken TLS for an application.",
        new("aws iam delete-server-certificate --server-certificate-name NAME",
            "# Remove the AWS::IAM::ServerCertificate resource; use ACM certificates instead.",
            "# Remove the aws_iam_server_certificate resource; use aws_acm_certificate instead."),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html"],
        [AwsOperations.ListServerCertificates]);

    protected override AwsOperation Source => AwsOperations.ListServerCertificates;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup)
    {
        foreach (var cert in PostureContext.Items(lookup))
        {
            var name = cert.GetString("ServerCertificateName") ?? "";
            var expires = AwsTime.Read(cert, "Expiration");
            var arn = cert.GetString("Arn") ?? $"arn:aws:iam::{account}:server-certificate/{name}";
            yield return Verdict(expires is { } e && e > context.At, arn, account, Regions.Global,
                $"{name} expires {expires:yyyy-MM-dd}.", $"{name} expired {expires:yyyy-MM-dd}.", new { name, Expiration = expires });
        }
    }
}
