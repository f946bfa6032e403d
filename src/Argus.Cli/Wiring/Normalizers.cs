using Argus.Aws.Normalization;
using Argus.Core.Inventory;
using Argus.Kubernetes.Normalization;

namespace Argus.Cli.Wiring;

/// <summary>Every normalizer Argus ships, one per provider.</summary>
public static class Normalizers
{
    public static IReadOnlyList<INormalizer> All { get; } = [new AwsNormalizer(), new KubernetesNormalizer()];
}
