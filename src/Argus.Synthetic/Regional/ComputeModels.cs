namespace Argus.Synthetic.Regional;

/// <summary>How an interface is attached; for an instance, to which one.</summary>
internal sealed record InterfaceAttachment(string AttachmentId, DateTimeOffset AttachTime, int DeviceIndex, bool DeleteOnTermination, string? InstanceId, string InstanceOwnerId);

/// <summary>A public address on an interface; <paramref name="IpOwnerId"/> is <c>amazon</c> for auto-assigned ones or the account for an Elastic IP.</summary>
internal sealed record PublicAddress(string PublicIp, string PublicDnsName, string IpOwnerId, string? AllocationId = null, string? AssociationId = null);

internal sealed record NetworkInterfaceModel(
    string Id,
    SubnetModel Subnet,
    string PrivateIp,
    string MacAddress,
    string InterfaceType,
    string Description,
    IReadOnlyList<SecurityGroupModel> Groups,
    string? RequesterId,
    bool RequesterManaged,
    bool SourceDestCheck,
    IReadOnlyList<Tag> Tags)
{
    public PublicAddress? Public { get; set; }

    public InterfaceAttachment? Attachment { get; set; }
}

internal sealed record VolumeAttachment(string InstanceId, string Device, DateTimeOffset AttachTime, bool DeleteOnTermination);

internal sealed record VolumeModel(
    string Id,
    string ZoneName,
    int Size,
    string VolumeType,
    int Iops,
    int? Throughput,
    bool Encrypted,
    string? KmsKeyId,
    string SnapshotId,
    DateTimeOffset Created,
    VolumeAttachment? Attachment,
    IReadOnlyList<Tag> Tags);

/// <summary>An EC2 instance with one network interface.</summary>
internal sealed record InstanceModel(
    string Id,
    string ReservationId,
    string Name,
    NetworkInterfaceModel Interface,
    string InstanceType,
    string ImageId,
    bool Windows,
    string? KeyName,
    DateTimeOffset LaunchTime,
    string? InstanceProfile,
    string HttpTokens,
    int HopLimit,
    IReadOnlyList<VolumeModel> Volumes,
    IReadOnlyList<Tag> Tags);
