using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>
/// Every regional answer for one account, in collection order. A call the account denies produces a coverage
/// gap instead of a document, as a real collection would.
/// </summary>
internal static class RegionDocuments
{
    public static IEnumerable<RawDocument> All(DocumentWriter d, RegionModel m, Action<CoverageGap> gap)
    {
        yield return VpcDocuments.Regions(d, m);
        yield return VpcDocuments.AvailabilityZones(d, m);
        yield return VpcDocuments.Vpcs(d, m);
        yield return VpcDocuments.Subnets(d, m);
        yield return VpcDocuments.RouteTables(d, m);
        yield return VpcDocuments.InternetGateways(d, m);
        yield return VpcDocuments.EgressOnlyInternetGateways(d, m);
        yield return VpcDocuments.NatGateways(d, m);
        yield return TransitDocuments.TransitGateways(d, m);
        yield return TransitDocuments.TransitGatewayAttachments(d, m);
        yield return TransitDocuments.TransitGatewayVpcAttachments(d, m);
        yield return TransitDocuments.TransitGatewayRouteTables(d, m);
        yield return TransitDocuments.TransitGatewayPeeringAttachments(d, m);
        foreach (var contents in TransitDocuments.TransitGatewayRouteTableContents(d, m))
        {
            yield return contents;
        }

        yield return TransitDocuments.VpcPeeringConnections(d, m);
        yield return TransitDocuments.VpnGateways(d, m);
        yield return TransitDocuments.VpnConnections(d, m);
        yield return TransitDocuments.CustomerGateways(d, m);
        yield return ComputeDocuments.NetworkInterfaces(d, m);
        yield return ComputeDocuments.Instances(d, m);
        yield return ComputeDocuments.Volumes(d, m);
        yield return FirewallDocuments.SecurityGroups(d, m);
        yield return FirewallDocuments.NetworkAcls(d, m);
        yield return VpcDocuments.ManagedPrefixLists(d, m);
        foreach (var entries in VpcDocuments.PrefixListEntries(d, m))
        {
            yield return entries;
        }

        yield return VpcDocuments.VpcEndpoints(d, m);
        foreach (var document in NetworkFirewallDocuments.All(d, m))
        {
            yield return document;
        }

        yield return VpcDocuments.Addresses(d, m);
        if (DeniesFlowLogs(m))
        {
            gap(Denied(m, AwsOperations.DescribeFlowLogs, "with an explicit deny in a service control policy"));
        }
        else
        {
            yield return VpcDocuments.FlowLogs(d, m);
        }

        yield return TransitDocuments.DirectConnectGateways(d, m);
        yield return TransitDocuments.DirectConnectGatewayAssociations(d, m);
        foreach (var document in LoadBalancerDocuments.All(d, m))
        {
            yield return document;
        }

        foreach (var document in PostureDocuments.All(d, m).Concat(ServicePostureDocuments.All(d, m)))
        {
            yield return document;
        }
    }

    /// <summary>The planted gap: the development account's SCP denies reading flow logs in one region.</summary>
    private static bool DeniesFlowLogs(RegionModel m) =>
        m.Account == m.Org.FirstDevelopment && m.Skeleton.RegionIndex == m.Org.GapRegionIndex;

    /// <summary>An EC2 access denial, worded as the AWS CLI reports it.</summary>
    private static CoverageGap Denied(RegionModel m, AwsOperation operation, string why) =>
        new(
            Provider.Aws,
            m.Account.Id,
            m.Region,
            operation.Service,
            operation.Operation,
            operation.IamAction,
            GapReason.AccessDenied,
            $"An error occurred (UnauthorizedOperation) when calling the {operation.Operation} operation: You are not authorized to perform this operation. " +
            $"User: arn:aws:sts::{m.Account.Id}:assumed-role/{Identity.IamPlanner.ScannerRole}/argus is not authorized to perform: {operation.IamAction} {why}");
}
