namespace Argus.Synthetic.Regional;

internal sealed record TargetModel(string InstanceId, int Port, string State, string? Reason = null, string? Description = null);

internal sealed record TargetGroupModel(string Arn, string Name, string Protocol, int Port, VpcModel Vpc, string? HealthCheckPath, IReadOnlyList<Tag> Tags)
{
    public List<string> LoadBalancerArns { get; } = [];

    public List<TargetModel> Targets { get; } = [];
}

/// <summary>A listener; it forwards to <paramref name="TargetGroup"/> or, when that is null, redirects HTTP to HTTPS.</summary>
internal sealed record ListenerModel(string Arn, int Port, string Protocol, string? CertificateArn, string? SslPolicy, TargetGroupModel? TargetGroup);

internal sealed record LoadBalancerModel(
    string Arn,
    string Name,
    string Type,
    string Scheme,
    VpcModel Vpc,
    IReadOnlyList<SubnetModel> Subnets,
    IReadOnlyList<SecurityGroupModel> Groups,
    string DnsName,
    string CanonicalHostedZoneId,
    DateTimeOffset Created,
    IReadOnlyList<Tag> Tags)
{
    public List<NetworkInterfaceModel> Interfaces { get; } = [];

    public List<ListenerModel> Listeners { get; } = [];
}
