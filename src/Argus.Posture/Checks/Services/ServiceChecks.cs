namespace Argus.Posture.Checks.Services;

/// <summary>The checks beyond CIS behind the cloud application analysis (WAF, ECR, Inspector, DLM, SES, Beanstalk, Image Builder, AppFlow).</summary>
internal static class ServiceChecks
{
    public static IReadOnlyList<Check> All { get; } =
    [
        new EcrScanOnPushCheck(), new EcrTagImmutabilityCheck(), new EcrPublicRepositoryCheck(), new InspectorCoverageCheck(),
        new DlmVolumeCoverageCheck(), new SesReceiptRulesCheck(), new BeanstalkManagedUpdatesCheck(), new ImageBuilderTestsCheck(),
        new WafLoadBalancerCheck(), new WafApiGatewayCheck(), new WafAppRunnerCheck(), new WafCognitoCheck(), new AppFlowKmsCheck(),
    ];
}
