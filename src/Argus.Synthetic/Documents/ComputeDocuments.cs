using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>Network interfaces, instances and volumes: the bulk of every large organization's bytes.</summary>
internal static class ComputeDocuments
{
    public static RawDocument NetworkInterfaces(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeNetworkInterfaces, m.Interfaces, (w, eni) =>
        {
            if (eni.Public is { } address)
            {
                Association(w, address);
            }

            if (eni.Attachment is { } attachment)
            {
                w.WriteStartObject("Attachment"u8);
                w.WriteTime("AttachTime"u8, attachment.AttachTime);
                w.WriteString("AttachmentId"u8, attachment.AttachmentId);
                w.WriteBoolean("DeleteOnTermination"u8, attachment.DeleteOnTermination);
                w.WriteNumber("DeviceIndex"u8, attachment.DeviceIndex);
                w.WriteNumber("NetworkCardIndex"u8, 0);
                w.WriteOptional("InstanceId"u8, attachment.InstanceId);
                w.WriteString("InstanceOwnerId"u8, attachment.InstanceOwnerId);
                w.WriteString("Status"u8, "attached");
                w.WriteEndObject();
            }

            w.WriteString("AvailabilityZone"u8, eni.Subnet.ZoneName);
            w.WriteString("Description"u8, eni.Description);
            Groups(w, eni.Groups);
            w.WriteString("InterfaceType"u8, eni.InterfaceType);
            w.WriteEmptyArray("Ipv6Addresses"u8);
            w.WriteString("MacAddress"u8, eni.MacAddress);
            w.WriteString("NetworkInterfaceId"u8, eni.Id);
            w.WriteString("OwnerId"u8, m.Account.Id);
            var dns = PrivateDnsName(eni, m);
            w.WriteString("PrivateDnsName"u8, dns);
            w.WriteString("PrivateIpAddress"u8, eni.PrivateIp);
            PrivateIpAddresses(w, eni, dns);
            w.WriteOptional("RequesterId"u8, eni.RequesterId);
            w.WriteBoolean("RequesterManaged"u8, eni.RequesterManaged);
            w.WriteBoolean("SourceDestCheck"u8, eni.SourceDestCheck);
            w.WriteString("Status"u8, "in-use");
            w.WriteString("SubnetId"u8, eni.Subnet.Id);
            w.WriteTags("TagSet"u8, eni.Tags);
            w.WriteString("VpcId"u8, eni.Subnet.Vpc.Id);
        });
    }

    public static RawDocument Instances(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeInstances, m.Instances, (w, instance) =>
        {
            var eni = instance.Interface;
            var dns = PrivateDnsName(eni, m);
            w.WriteEmptyArray("Groups"u8);
            w.WriteStartArray("Instances"u8);
            w.WriteStartObject();
            w.WriteNumber("AmiLaunchIndex"u8, 0);
            w.WriteString("ImageId"u8, instance.ImageId);
            w.WriteString("InstanceId"u8, instance.Id);
            w.WriteString("InstanceType"u8, instance.InstanceType);
            w.WriteOptional("KeyName"u8, instance.KeyName);
            w.WriteTime("LaunchTime"u8, instance.LaunchTime);
            w.WriteStartObject("Monitoring"u8);
            w.WriteString("State"u8, "disabled");
            w.WriteEndObject();
            w.WriteStartObject("Placement"u8);
            w.WriteString("AvailabilityZone"u8, eni.Subnet.ZoneName);
            w.WriteString("GroupName"u8, "");
            w.WriteString("Tenancy"u8, "default");
            w.WriteEndObject();
            if (instance.Windows)
            {
                w.WriteString("Platform"u8, "windows");
            }

            w.WriteString("PrivateDnsName"u8, dns);
            w.WriteString("PrivateIpAddress"u8, eni.PrivateIp);
            w.WriteEmptyArray("ProductCodes"u8);
            w.WriteString("PublicDnsName"u8, eni.Public?.PublicDnsName ?? "");
            w.WriteOptional("PublicIpAddress"u8, eni.Public?.PublicIp);
            w.WriteStartObject("State"u8);
            w.WriteNumber("Code"u8, 16);
            w.WriteString("Name"u8, "running");
            w.WriteEndObject();
            w.WriteString("StateTransitionReason"u8, "");
            w.WriteString("SubnetId"u8, eni.Subnet.Id);
            w.WriteString("VpcId"u8, eni.Subnet.Vpc.Id);
            w.WriteString("Architecture"u8, "x86_64");
            w.WriteObjects("BlockDeviceMappings"u8, instance.Volumes, volume =>
            {
                w.WriteString("DeviceName"u8, volume.Attachment!.Device);
                w.WriteStartObject("Ebs"u8);
                w.WriteTime("AttachTime"u8, volume.Attachment.AttachTime);
                w.WriteBoolean("DeleteOnTermination"u8, volume.Attachment.DeleteOnTermination);
                w.WriteString("Status"u8, "attached");
                w.WriteString("VolumeId"u8, volume.Id);
                w.WriteEndObject();
            });
            w.WriteString("ClientToken"u8, "");
            w.WriteBoolean("EbsOptimized"u8, true);
            w.WriteBoolean("EnaSupport"u8, true);
            w.WriteString("Hypervisor"u8, "xen");
            if (instance.InstanceProfile is { } profile)
            {
                w.WriteStartObject("IamInstanceProfile"u8);
                w.WriteString("Arn"u8, $"arn:aws:iam::{m.Account.Id}:instance-profile/{profile}");
                w.WriteString("Id"u8, m.Org.Ids(m.Account, Regions.Global).Iam("AIPA", profile));
                w.WriteEndObject();
            }

            w.WriteStartArray("NetworkInterfaces"u8);
            w.WriteStartObject();
            if (eni.Public is { } address)
            {
                Association(w, address, instance: true);
            }

            var attachment = eni.Attachment!;
            w.WriteStartObject("Attachment"u8);
            w.WriteTime("AttachTime"u8, attachment.AttachTime);
            w.WriteString("AttachmentId"u8, attachment.AttachmentId);
            w.WriteBoolean("DeleteOnTermination"u8, attachment.DeleteOnTermination);
            w.WriteNumber("DeviceIndex"u8, 0);
            w.WriteString("Status"u8, "attached");
            w.WriteNumber("NetworkCardIndex"u8, 0);
            w.WriteEndObject();
            w.WriteString("Description"u8, eni.Description);
            Groups(w, eni.Groups);
            w.WriteEmptyArray("Ipv6Addresses"u8);
            w.WriteString("MacAddress"u8, eni.MacAddress);
            w.WriteString("NetworkInterfaceId"u8, eni.Id);
            w.WriteString("OwnerId"u8, m.Account.Id);
            w.WriteString("PrivateDnsName"u8, dns);
            w.WriteString("PrivateIpAddress"u8, eni.PrivateIp);
            PrivateIpAddresses(w, eni, dns, instance: true);
            w.WriteBoolean("SourceDestCheck"u8, true);
            w.WriteString("Status"u8, "in-use");
            w.WriteString("SubnetId"u8, eni.Subnet.Id);
            w.WriteString("VpcId"u8, eni.Subnet.Vpc.Id);
            w.WriteString("InterfaceType"u8, "interface");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("RootDeviceName"u8, instance.Windows ? "/dev/sda1" : "/dev/xvda");
            w.WriteString("RootDeviceType"u8, "ebs");
            Groups(w, "SecurityGroups"u8, eni.Groups);
            w.WriteBoolean("SourceDestCheck"u8, true);
            w.WriteTags(instance.Tags);
            w.WriteString("VirtualizationType"u8, "hvm");
            w.WriteStartObject("CpuOptions"u8);
            w.WriteNumber("CoreCount"u8, 1);
            w.WriteNumber("ThreadsPerCore"u8, 2);
            w.WriteEndObject();
            w.WriteStartObject("CapacityReservationSpecification"u8);
            w.WriteString("CapacityReservationPreference"u8, "open");
            w.WriteEndObject();
            w.WriteStartObject("HibernationOptions"u8);
            w.WriteBoolean("Configured"u8, false);
            w.WriteEndObject();
            w.WriteStartObject("MetadataOptions"u8);
            w.WriteString("State"u8, "applied");
            w.WriteString("HttpTokens"u8, instance.HttpTokens);
            w.WriteNumber("HttpPutResponseHopLimit"u8, instance.HopLimit);
            w.WriteString("HttpEndpoint"u8, "enabled");
            w.WriteString("HttpProtocolIpv6"u8, "disabled");
            w.WriteString("InstanceMetadataTags"u8, "disabled");
            w.WriteEndObject();
            w.WriteStartObject("EnclaveOptions"u8);
            w.WriteBoolean("Enabled"u8, false);
            w.WriteEndObject();
            w.WriteString("BootMode"u8, "uefi-preferred");
            w.WriteString("PlatformDetails"u8, instance.Windows ? "Windows" : "Linux/UNIX");
            w.WriteString("UsageOperation"u8, instance.Windows ? "RunInstances:0002" : "RunInstances");
            w.WriteTime("UsageOperationUpdateTime"u8, instance.LaunchTime);
            w.WriteStartObject("PrivateDnsNameOptions"u8);
            w.WriteString("HostnameType"u8, "ip-name");
            w.WriteBoolean("EnableResourceNameDnsARecord"u8, false);
            w.WriteBoolean("EnableResourceNameDnsAAAARecord"u8, false);
            w.WriteEndObject();
            w.WriteStartObject("MaintenanceOptions"u8);
            w.WriteString("AutoRecovery"u8, "default");
            w.WriteEndObject();
            w.WriteString("CurrentInstanceBootMode"u8, "uefi");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("OwnerId"u8, m.Account.Id);
            w.WriteString("ReservationId"u8, instance.ReservationId);
        });
    }

    public static RawDocument Volumes(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeVolumes, m.Volumes, (w, volume) =>
        {
            w.WriteStartArray("Attachments"u8);
            if (volume.Attachment is { } attachment)
            {
                w.WriteStartObject();
                w.WriteTime("AttachTime"u8, attachment.AttachTime);
                w.WriteString("Device"u8, attachment.Device);
                w.WriteString("InstanceId"u8, attachment.InstanceId);
                w.WriteString("State"u8, "attached");
                w.WriteString("VolumeId"u8, volume.Id);
                w.WriteBoolean("DeleteOnTermination"u8, attachment.DeleteOnTermination);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("AvailabilityZone"u8, volume.ZoneName);
            w.WriteTime("CreateTime"u8, volume.Created);
            w.WriteBoolean("Encrypted"u8, volume.Encrypted);
            w.WriteOptional("KmsKeyId"u8, volume.KmsKeyId);
            w.WriteNumber("Size"u8, volume.Size);
            w.WriteString("SnapshotId"u8, volume.SnapshotId);
            w.WriteString("State"u8, volume.Attachment is null ? "available" : "in-use");
            w.WriteString("VolumeId"u8, volume.Id);
            w.WriteNumber("Iops"u8, volume.Iops);
            if (volume.Tags.Count > 0)
            {
                w.WriteTags(volume.Tags);
            }

            w.WriteString("VolumeType"u8, volume.VolumeType);
            w.WriteBoolean("MultiAttachEnabled"u8, false);
            if (volume.Throughput is { } throughput)
            {
                w.WriteNumber("Throughput"u8, throughput);
            }

        });
    }

    private static string PrivateDnsName(NetworkInterfaceModel eni, RegionModel m) =>
        $"ip-{eni.PrivateIp.Replace('.', '-')}.{m.AwsRegion.InternalDomain}";

    // DescribeInstances words an interface's association without the Elastic IP's allocation and association ids.
    private static void Association(Utf8JsonWriter w, PublicAddress address, bool instance = false)
    {
        w.WriteStartObject("Association"u8);
        if (!instance)
        {
            w.WriteOptional("AllocationId"u8, address.AllocationId);
            w.WriteOptional("AssociationId"u8, address.AssociationId);
        }

        w.WriteString("IpOwnerId"u8, address.IpOwnerId);
        w.WriteString("PublicDnsName"u8, address.PublicDnsName);
        w.WriteString("PublicIp"u8, address.PublicIp);
        w.WriteEndObject();
    }

    private static void PrivateIpAddresses(Utf8JsonWriter w, NetworkInterfaceModel eni, string dns, bool instance = false)
    {
        w.WriteStartArray("PrivateIpAddresses"u8);
        w.WriteStartObject();
        if (eni.Public is { } address)
        {
            Association(w, address, instance);
        }

        w.WriteBoolean("Primary"u8, true);
        w.WriteString("PrivateDnsName"u8, dns);
        w.WriteString("PrivateIpAddress"u8, eni.PrivateIp);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Groups(Utf8JsonWriter w, IReadOnlyList<SecurityGroupModel> groups) => Groups(w, "Groups"u8, groups);

    private static void Groups(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<SecurityGroupModel> groups)
    {
        w.WriteObjects(name, groups, group =>
        {
            w.WriteString("GroupId"u8, group.Id);
            w.WriteString("GroupName"u8, group.Name);
        });
    }
}
