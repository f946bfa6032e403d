using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Catalog;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>EC2 answers about the region and its VPCs' plumbing.</summary>
internal static class VpcDocuments
{
    public static RawDocument Regions(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeRegions, AwsRegions.EnabledByDefault, (w, region) =>
        {
            w.WriteString("Endpoint"u8, $"ec2.{region}.amazonaws.com");
            w.WriteString("RegionName"u8, region);
            w.WriteString("OptInStatus"u8, "opt-in-not-required");
        });
    }

    public static RawDocument AvailabilityZones(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeAvailabilityZones, m.Zones, (w, zone) =>
        {
            var (name, id) = zone;
            w.WriteString("OptInStatus"u8, "opt-in-not-required");
            w.WriteEmptyArray("Messages"u8);
            w.WriteString("RegionName"u8, m.Region);
            w.WriteString("ZoneName"u8, name);
            w.WriteString("ZoneId"u8, id);
            w.WriteString("GroupName"u8, m.Region);
            w.WriteString("NetworkBorderGroup"u8, m.Region);
            w.WriteString("ZoneType"u8, "availability-zone");
            w.WriteString("State"u8, "available");
        });
    }

    public static RawDocument Vpcs(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeVpcs, m.Vpcs, (w, vpc) =>
        {
            w.WriteString("OwnerId"u8, m.Account.Id);
            w.WriteString("InstanceTenancy"u8, "default");
            if (vpc.Skeleton.Ipv6Cidr is { } ipv6)
            {
                w.WriteStartArray("Ipv6CidrBlockAssociationSet"u8);
                w.WriteStartObject();
                w.WriteString("AssociationId"u8, vpc.Ipv6AssociationId);
                w.WriteString("Ipv6CidrBlock"u8, ipv6);
                w.WriteStartObject("Ipv6CidrBlockState"u8);
                w.WriteString("State"u8, "associated");
                w.WriteEndObject();
                w.WriteString("NetworkBorderGroup"u8, m.Region);
                w.WriteString("Ipv6Pool"u8, "Amazon");
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteStartArray("CidrBlockAssociationSet"u8);
            w.WriteStartObject();
            w.WriteString("AssociationId"u8, vpc.CidrAssociationId);
            w.WriteString("CidrBlock"u8, vpc.Cidr);
            w.WriteStartObject("CidrBlockState"u8);
            w.WriteString("State"u8, "associated");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteBoolean("IsDefault"u8, vpc.IsDefault);
            if (vpc.Tags.Count > 0)
            {
                w.WriteTags(vpc.Tags);
            }

            w.WriteString("VpcId"u8, vpc.Id);
            w.WriteString("State"u8, "available");
            w.WriteString("CidrBlock"u8, vpc.Cidr);
            w.WriteString("DhcpOptionsId"u8, vpc.DhcpOptionsId);
        });
    }

    public static RawDocument Subnets(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeSubnets, m.Subnets, (w, subnet) =>
        {
            w.WriteString("AvailabilityZoneId"u8, subnet.ZoneId);
            w.WriteBoolean("MapCustomerOwnedIpOnLaunch"u8, false);
            w.WriteString("OwnerId"u8, m.Account.Id);
            w.WriteBoolean("AssignIpv6AddressOnCreation"u8, false);
            w.WriteStartArray("Ipv6CidrBlockAssociationSet"u8);
            if (subnet.Ipv6Cidr is not null)
            {
                w.WriteStartObject();
                w.WriteString("AssociationId"u8, subnet.Ipv6AssociationId);
                w.WriteString("Ipv6CidrBlock"u8, subnet.Ipv6Cidr);
                w.WriteStartObject("Ipv6CidrBlockState"u8);
                w.WriteString("State"u8, "associated");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (subnet.Tags.Count > 0)
            {
                w.WriteTags(subnet.Tags);
            }

            w.WriteString("SubnetArn"u8, $"arn:aws:ec2:{m.Region}:{m.Account.Id}:subnet/{subnet.Id}");
            w.WriteBoolean("EnableDns64"u8, false);
            w.WriteBoolean("Ipv6Native"u8, false);
            w.WriteStartObject("PrivateDnsNameOptionsOnLaunch"u8);
            w.WriteString("HostnameType"u8, "ip-name");
            w.WriteBoolean("EnableResourceNameDnsARecord"u8, false);
            w.WriteBoolean("EnableResourceNameDnsAAAARecord"u8, false);
            w.WriteEndObject();
            w.WriteString("SubnetId"u8, subnet.Id);
            w.WriteString("State"u8, "available");
            w.WriteString("VpcId"u8, subnet.Vpc.Id);
            w.WriteString("CidrBlock"u8, subnet.Cidr);
            w.WriteNumber("AvailableIpAddressCount"u8, subnet.Addresses.Available);
            w.WriteString("AvailabilityZone"u8, subnet.ZoneName);
            w.WriteBoolean("DefaultForAz"u8, subnet.Vpc.IsDefault);
            w.WriteBoolean("MapPublicIpOnLaunch"u8, subnet.MapPublicIpOnLaunch);
        });
    }

    public static RawDocument RouteTables(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeRouteTables, m.RouteTables, (w, table) =>
        {
            w.WriteStartArray("Associations"u8);
            if (table.Main)
            {
                w.WriteStartObject();
                w.WriteBoolean("Main"u8, true);
                w.WriteString("RouteTableAssociationId"u8, table.MainAssociationId);
                w.WriteString("RouteTableId"u8, table.Id);
                w.WriteStartObject("AssociationState"u8);
                w.WriteString("State"u8, "associated");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            foreach (var (subnet, association) in table.Associations)
            {
                w.WriteStartObject();
                w.WriteBoolean("Main"u8, false);
                w.WriteString("RouteTableAssociationId"u8, association);
                w.WriteString("RouteTableId"u8, table.Id);
                w.WriteString("SubnetId"u8, subnet);
                w.WriteStartObject("AssociationState"u8);
                w.WriteString("State"u8, "associated");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteObjects("PropagatingVgws"u8, table.PropagatingVirtualGateways, gateway =>
            {
                w.WriteString("GatewayId"u8, gateway);
            });
            w.WriteString("RouteTableId"u8, table.Id);
            w.WriteObjects("Routes"u8, table.Routes, route =>
            {
                w.WriteOptional("DestinationCidrBlock"u8, route.DestinationCidr);
                w.WriteOptional("DestinationIpv6CidrBlock"u8, route.DestinationIpv6Cidr);
                w.WriteOptional("DestinationPrefixListId"u8, route.DestinationPrefixListId);
                w.WriteString(route.TargetKey, route.TargetId);
                w.WriteString("Origin"u8, route.Origin);
                w.WriteString("State"u8, "active");
            });
            w.WriteTags(table.Tags);
            w.WriteString("VpcId"u8, table.Vpc.Id);
            w.WriteString("OwnerId"u8, m.Account.Id);
        });
    }

    public static RawDocument InternetGateways(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeInternetGateways, m.InternetGateways, (w, gateway) =>
        {
            w.WriteVpcAttachment("Attachments"u8, "available", gateway.Vpc.Id);
            w.WriteString("InternetGatewayId"u8, gateway.Id);
            w.WriteString("OwnerId"u8, m.Account.Id);
            w.WriteTags(gateway.Tags);
        });
    }

    public static RawDocument EgressOnlyInternetGateways(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeEgressOnlyInternetGateways, m.EgressOnlyGateways, (w, gateway) =>
        {
            w.WriteVpcAttachment("Attachments"u8, "attached", gateway.Vpc.Id);
            w.WriteString("EgressOnlyInternetGatewayId"u8, gateway.Id);
            w.WriteTags(gateway.Tags);
        });
    }

    public static RawDocument NatGateways(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeNatGateways, m.NatGateways, (w, nat) =>
        {
            w.WriteTime("CreateTime"u8, nat.Created);
            w.WriteStartArray("NatGatewayAddresses"u8);
            w.WriteStartObject();
            w.WriteString("AllocationId"u8, nat.Address.AllocationId);
            w.WriteString("NetworkInterfaceId"u8, nat.Interface.Id);
            w.WriteString("PrivateIp"u8, nat.Interface.PrivateIp);
            w.WriteString("PublicIp"u8, nat.Address.PublicIp);
            w.WriteString("AssociationId"u8, nat.Address.AssociationId);
            w.WriteBoolean("IsPrimary"u8, true);
            w.WriteString("Status"u8, "succeeded");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("NatGatewayId"u8, nat.Id);
            w.WriteString("State"u8, "available");
            w.WriteString("SubnetId"u8, nat.Subnet.Id);
            w.WriteString("VpcId"u8, nat.Subnet.Vpc.Id);
            w.WriteTags(nat.Tags);
            w.WriteString("ConnectivityType"u8, "public");
        });
    }

    public static RawDocument VpcEndpoints(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeVpcEndpoints, m.Endpoints, (w, endpoint) =>
        {
            var isInterface = endpoint.Type == "Interface";
            w.WriteString("VpcEndpointId"u8, endpoint.Id);
            w.WriteString("VpcEndpointType"u8, endpoint.Type);
            w.WriteString("VpcId"u8, endpoint.Vpc.Id);
            w.WriteString("ServiceName"u8, endpoint.ServiceName);
            w.WriteString("State"u8, "available");
            w.WriteString("PolicyDocument"u8, endpoint.PolicyDocument);
            w.WriteStrings("RouteTableIds"u8, endpoint.RouteTableIds);
            w.WriteStrings("SubnetIds"u8, endpoint.Subnets.Select(s => s.Id));
            w.WriteObjects("Groups"u8, endpoint.Groups, group =>
            {
                w.WriteString("GroupId"u8, group.Id);
                w.WriteString("GroupName"u8, group.Name);
            });
            w.WriteString("IpAddressType"u8, "ipv4");
            if (isInterface)
            {
                w.WriteStartObject("DnsOptions"u8);
                w.WriteString("DnsRecordIpType"u8, "ipv4");
                w.WriteEndObject();
            }

            w.WriteBoolean("PrivateDnsEnabled"u8, isInterface);
            w.WriteBoolean("RequesterManaged"u8, false);
            w.WriteStrings("NetworkInterfaceIds"u8, endpoint.Interfaces.Select(i => i.Id));
            w.WriteStartArray("DnsEntries"u8);
            if (isInterface)
            {
                var service = endpoint.ServiceName[(endpoint.ServiceName.LastIndexOf('.') + 1)..];
                w.WriteStartObject();
                w.WriteString("DnsName"u8, $"{endpoint.Id}-{endpoint.Id[5..13]}.{service}.{m.Region}.vpce.amazonaws.com");
                w.WriteString("HostedZoneId"u8, "Z7HUB22UULQXV");
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteString("DnsName"u8, $"{service}.{m.Region}.amazonaws.com");
                w.WriteString("HostedZoneId"u8, $"Z{endpoint.Id[5..18].ToUpperInvariant()}");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteTime("CreationTimestamp"u8, endpoint.Created);
            w.WriteTags(endpoint.Tags);
            w.WriteString("OwnerId"u8, m.Account.Id);
        });
    }

    public static RawDocument Addresses(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeAddresses, m.Addresses, (w, address) =>
        {
            var eni = address.Interface;
            if (eni?.Attachment?.InstanceId is { } instance)
            {
                w.WriteString("InstanceId"u8, instance);
            }

            w.WriteString("PublicIp"u8, address.PublicIp);
            w.WriteString("AllocationId"u8, address.AllocationId);
            if (eni is not null)
            {
                w.WriteString("AssociationId"u8, address.AssociationId);
            }

            w.WriteString("Domain"u8, "vpc");
            if (eni is not null)
            {
                w.WriteString("NetworkInterfaceId"u8, eni.Id);
                w.WriteString("NetworkInterfaceOwnerId"u8, m.Account.Id);
                w.WriteString("PrivateIpAddress"u8, eni.PrivateIp);
            }

            w.WriteTags(address.Tags);
            w.WriteString("PublicIpv4Pool"u8, "amazon");
            w.WriteString("NetworkBorderGroup"u8, m.Region);
        });
    }

    public static RawDocument FlowLogs(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeFlowLogs, m.FlowLogs, (w, log) =>
        {
            w.WriteTime("CreationTime"u8, log.Created);
            w.WriteString("DeliverLogsStatus"u8, "SUCCESS");
            w.WriteString("FlowLogId"u8, log.Id);
            w.WriteString("FlowLogStatus"u8, "ACTIVE");
            w.WriteString("ResourceId"u8, log.ResourceId);
            w.WriteString("TrafficType"u8, log.TrafficType);
            w.WriteString("LogDestinationType"u8, "s3");
            w.WriteString("LogDestination"u8, log.Destination);
            w.WriteString("LogFormat"u8, "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}");
            w.WriteTags(log.Tags);
            w.WriteNumber("MaxAggregationInterval"u8, 600);
            w.WriteStartObject("DestinationOptions"u8);
            w.WriteString("FileFormat"u8, "plain-text");
            w.WriteBoolean("HiveCompatiblePartitions"u8, false);
            w.WriteBoolean("PerHourPartition"u8, false);
            w.WriteEndObject();
        });
    }

    public static RawDocument ManagedPrefixLists(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeManagedPrefixLists, m.PrefixLists, (w, list) =>
        {
            w.WriteString("PrefixListId"u8, list.Id);
            w.WriteString("AddressFamily"u8, "IPv4");
            w.WriteString("State"u8, "create-complete");
            w.WriteString("PrefixListArn"u8, list.Arn);
            w.WriteString("PrefixListName"u8, list.Name);
            if (list.MaxEntries is { } max)
            {
                w.WriteNumber("MaxEntries"u8, max);
            }

            if (list.Version is { } version)
            {
                w.WriteNumber("Version"u8, version);
            }

            w.WriteTags(list.Tags);
            w.WriteString("OwnerId"u8, list.OwnerId);
        });
    }

    /// <summary><c>get-managed-prefix-list-entries</c>, called once per prefix list.</summary>
    public static IEnumerable<RawDocument> PrefixListEntries(DocumentWriter d, RegionModel m)
    {
        foreach (var list in m.PrefixLists)
        {
            yield return d.List(m.Account.Id, m.Region, AwsOperations.GetManagedPrefixListEntries, list.Entries, (w, entry) =>
            {
                w.WriteString("Cidr"u8, entry.Cidr);
                w.WriteOptional("Description"u8, entry.Description);
            }, list.Id);
        }
    }
}
