using Argus.Aws.Normalization.DirectConnect;
using Argus.Aws.Normalization.Ec2;
using Argus.Aws.Normalization.Elbv2;
using Argus.Aws.Normalization.Iam;
using Argus.Aws.Normalization.Organizations;
using Argus.Aws.Normalization.S3;
using Argus.Core.Inventory;
using Argus.Core.Model;

namespace Argus.Aws.Normalization;

/// <summary>
/// Turns the AWS CLI answers of one (account, region) group into assets and relations (docs/asset-types.md).
/// Each document is parsed once; references between resources go through dictionaries, never scans, so the
/// cost grows with the size of the group. Unexpected shapes are reported through
/// <see cref="IInventoryOutput.Warn"/> and skipped; nothing in the data makes it throw.
/// </summary>
public sealed class AwsNormalizer : INormalizer
{
    /// <summary>
    /// The per-service normalizers, in the order they must run: a resource is described before the resources that
    /// refer to it, so a reference to a shared or peer resource gets the ARN its owner gave it.
    /// </summary>
    private static readonly Action<NormalizationContext>[] Services =
    [
        AccountNormalizer.Normalize,
        VpcNormalizer.Normalize,
        FirewallNormalizer.Normalize,
        GatewayNormalizer.Normalize,
        TransitGatewayNormalizer.Normalize,
        VpnNormalizer.Normalize,
        PeeringNormalizer.Normalize,
        InstanceNormalizer.Normalize,
        InterfaceNormalizer.Normalize,
        EndpointNormalizer.Normalize,
        RouteTableNormalizer.Normalize,
        ElasticIpNormalizer.Normalize,
        FlowLogNormalizer.Normalize,
        DirectConnectNormalizer.Normalize,
        LoadBalancerNormalizer.Normalize,
        BucketNormalizer.Normalize,
        IamNormalizer.Normalize,
        OrganizationNormalizer.Normalize,
    ];

    public Provider Provider => Provider.Aws;

    public void Normalize(DocumentGroup group, IInventoryOutput output)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(output);
        var context = new NormalizationContext(group, output);
        foreach (var service in Services)
        {
            service(context);
        }
    }
}
