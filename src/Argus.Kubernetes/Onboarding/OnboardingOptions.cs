namespace Argus.Kubernetes.Onboarding;

/// <summary>What <see cref="KubernetesOnboarding"/> generates.</summary>
/// <param name="Namespace">Where the Argus service account lives.</param>
/// <param name="ScanNamespace">The namespace Argus's scan jobs run in; the only place Argus may create anything.</param>
/// <param name="EksCluster">For EKS: the cluster name, to print the access entry (or aws-auth mapping) for an IAM role.</param>
/// <param name="EksPrincipalArn">For EKS: the IAM role Argus runs as.</param>
/// <param name="UseAwsAuth">For EKS clusters without access entries: the aws-auth ConfigMap mapping instead.</param>
public sealed record OnboardingOptions(
    string Namespace = "argus",
    string ServiceAccount = "argus-reader",
    string ScanNamespace = "argus-scans",
    string? EksCluster = null,
    string? EksPrincipalArn = null,
    bool UseAwsAuth = false);
