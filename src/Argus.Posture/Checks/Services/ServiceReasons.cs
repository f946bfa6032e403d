namespace Argus.Posture.Checks.Services;

internal static class ServiceReasons
{
    public const string Beyond = "Beyond CIS: part of the cloud application analysis (application-layer services that CIS AWS Foundations does not cover).";
}
