using Argus.Core.Permissions;
using static Argus.Aws.Permissions.Catalog.Declare;
using F = Argus.Core.Permissions.Features;

namespace Argus.Aws.Permissions.Catalog;

/// <summary>Container registries (image scanning and posture) and Kubernetes clusters (EKS).</summary>
internal static class ContainerPermissions
{
    private static readonly string[] Registry = [F.Inventory, F.Posture, F.Images];
    private static readonly string[] Clusters = [F.Inventory, F.Posture, F.Eks];

    public static IReadOnlyList<Permission> All { get; } =
    [
        Read("ecr:DescribeRepositories", Registry, "Lists repositories with their scan-on-push, tag immutability and encryption settings"),
        Read("ecr:DescribeImages", Registry, "Reads image digests, tags and push dates to choose which images to scan"),
        Read("ecr:ListImages", [F.Images], "Lists image digests in a repository, including untagged ones"),
        Read("ecr:GetRepositoryPolicy", [F.Posture, F.RemediationImageBlocking], "Reads repository policies to find repositories readable from outside the account; blocking edits the current policy", required: false),
        Read("ecr:GetRegistryPolicy", [F.Posture, F.RemediationImageBlocking], "Reads the registry policy (replication permissions)", required: false),
        Read("ecr:GetLifecyclePolicy", [F.Posture], "Reads lifecycle policies to check old images expire", required: false),
        Read("ecr:GetAuthorizationToken", [F.Images], "Obtains a registry login token so image layers can be pulled for scanning; it grants nothing beyond the pull actions below"),
        Read("ecr:BatchGetImage", [F.Images], "Reads image manifests to learn an image's layers and configuration"),
        Read("ecr:GetDownloadUrlForLayer", [F.Images], "Downloads image layers to list the packages inside them; images are analysed in memory and not stored"),

        Read("eks:ListClusters", Clusters, "Lists EKS clusters in each region to assess and inventory them"),
        Read("eks:DescribeCluster", Clusters, "Reads a cluster's endpoint access (public/private), network, logging, encryption and version"),
        Read("eks:ListNodegroups", Clusters, "Lists a cluster's managed node groups"),
        Read("eks:DescribeNodegroup", Clusters, "Reads node groups: instance roles, subnets, AMI type and remote access settings"),
        Read("eks:ListFargateProfiles", [F.Eks], "Lists Fargate profiles, which run pods without nodes", required: false),
        Read("eks:DescribeFargateProfile", [F.Eks], "Reads a Fargate profile's pod execution role and subnets", required: false),
        Read("eks:ListAddons", [F.Eks], "Lists installed add-ons, which run with their own IAM roles", required: false),
        Read("eks:DescribeAddon", [F.Eks], "Reads add-on versions and their service account roles", required: false),
        Read("eks:ListAccessEntries", [F.Eks, F.Posture], "Lists the IAM principals with access to each cluster", required: false),
        Read("eks:DescribeAccessEntry", [F.Eks, F.Posture], "Reads an access entry's Kubernetes groups", required: false),
        Read("eks:ListAssociatedAccessPolicies", [F.Eks, F.Posture], "Reads the EKS access policies (e.g. cluster admin) granted to each principal", required: false),
        Read("eks:ListPodIdentityAssociations", [F.Eks], "Reads which service accounts assume which IAM roles", required: false),
    ];
}
