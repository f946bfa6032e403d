using Argus.Posture.Checks.Iam;
using Argus.Posture.Checks.Logging;
using Argus.Posture.Checks.Monitoring;
using Argus.Posture.Checks.Networking;
using Argus.Posture.Checks.Organizations;
using Argus.Posture.Checks.S3;
using Argus.Posture.Checks.Services;
using Argus.Posture.Checks.Storage;

namespace Argus.Posture.Checks;

/// <summary>Every check Argus ships, in a stable order (by id).</summary>
public sealed class CheckCatalog
{
    private readonly Dictionary<string, Check> byId;

    public CheckCatalog(IEnumerable<Check> checks)
    {
        All = checks.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        byId = new Dictionary<string, Check>(StringComparer.Ordinal);
        foreach (var check in All)
        {
            if (!byId.TryAdd(check.Id, check))
            {
                throw new ArgumentException($"two checks have the id {check.Id}");
            }
        }
    }

    /// <summary>The built-in catalog.</summary>
    public static CheckCatalog Default { get; } = new(
    [
        new RootAccessKeysCheck(), new RootMfaCheck(), new RootHardwareMfaCheck(), new RootUsageCheck(),
        new PasswordPolicyLengthCheck(), new PasswordPolicyReuseCheck(),
        new UserConsoleMfaCheck(), new UnusedCredentialsCheck(), new SingleActiveKeyCheck(), new AccessKeyRotationCheck(),
        new UserPoliciesViaGroupsCheck(), new FullAdminPolicyCheck(), new SupportRoleCheck(), new CloudShellFullAccessCheck(),
        new InstanceProfileCheck(), new ExpiredServerCertificatesCheck(), new AccessAnalyzerCheck(),
        new SecurityContactCheck(), new ContactDetailsCheck(), new ScpGuardrailsCheck(), new DelegatedAdministratorCheck(),
        new DenyHttpCheck(), new MfaDeleteCheck(), new BlockPublicAccessCheck(), new PublicBucketPolicyCheck(),
        new EbsDefaultEncryptionCheck(), new VolumeEncryptedCheck(),
        new RdsEncryptedCheck(), new RdsMinorUpgradeCheck(), new RdsPublicAccessCheck(), new RdsMultiAzCheck(), new EfsEncryptedCheck(),
        new CloudTrailMultiRegionCheck(), new LogFileValidationCheck(), new ConfigEnabledCheck(), new TrailBucketLoggingCheck(),
        new TrailKmsEncryptionCheck(), new KmsRotationCheck(), new VpcFlowLogsCheck(), new S3WriteDataEventsCheck(), new S3ReadDataEventsCheck(),
        .. MonitoredPatterns.All.Select(p => new MetricFilterAlarmCheck(p)),
        new SecurityHubEnabledCheck(),
        new NaclAdminPortsCheck(), new SecurityGroupAdminPortsIpv4Check(), new SecurityGroupAdminPortsIpv6Check(), new SecurityGroupCifsCheck(),
        new DefaultSecurityGroupCheck(), new ImdsV2Check(), new PeeringRoutesCheck(),
        .. ServiceChecks.All,
    ]);

    public IReadOnlyList<Check> All { get; }

    public Check? Find(string id) => byId.GetValueOrDefault(id);
}
