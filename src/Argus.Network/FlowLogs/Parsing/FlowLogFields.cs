namespace Argus.Network.FlowLogs.Parsing;

/// <summary>The AWS names of the flow log fields (as in <c>${field}</c> and header lines) and the version that introduced each.</summary>
public static class FlowLogFields
{
    private static readonly (FlowLogField Field, string Name, int Version)[] All =
    [
        (FlowLogField.Version, "version", 2),
        (FlowLogField.AccountId, "account-id", 2),
        (FlowLogField.InterfaceId, "interface-id", 2),
        (FlowLogField.SrcAddr, "srcaddr", 2),
        (FlowLogField.DstAddr, "dstaddr", 2),
        (FlowLogField.SrcPort, "srcport", 2),
        (FlowLogField.DstPort, "dstport", 2),
        (FlowLogField.Protocol, "protocol", 2),
        (FlowLogField.Packets, "packets", 2),
        (FlowLogField.Bytes, "bytes", 2),
        (FlowLogField.Start, "start", 2),
        (FlowLogField.End, "end", 2),
        (FlowLogField.Action, "action", 2),
        (FlowLogField.LogStatus, "log-status", 2),
        (FlowLogField.VpcId, "vpc-id", 3),
        (FlowLogField.SubnetId, "subnet-id", 3),
        (FlowLogField.InstanceId, "instance-id", 3),
        (FlowLogField.TcpFlags, "tcp-flags", 3),
        (FlowLogField.Type, "type", 3),
        (FlowLogField.PktSrcAddr, "pkt-srcaddr", 3),
        (FlowLogField.PktDstAddr, "pkt-dstaddr", 3),
        (FlowLogField.Region, "region", 4),
        (FlowLogField.AzId, "az-id", 4),
        (FlowLogField.SublocationType, "sublocation-type", 4),
        (FlowLogField.SublocationId, "sublocation-id", 4),
        (FlowLogField.PktSrcAwsService, "pkt-src-aws-service", 5),
        (FlowLogField.PktDstAwsService, "pkt-dst-aws-service", 5),
        (FlowLogField.FlowDirection, "flow-direction", 5),
        (FlowLogField.TrafficPath, "traffic-path", 5),
        (FlowLogField.EcsClusterArn, "ecs-cluster-arn", 7),
        (FlowLogField.EcsClusterName, "ecs-cluster-name", 7),
        (FlowLogField.EcsContainerInstanceArn, "ecs-container-instance-arn", 7),
        (FlowLogField.EcsContainerInstanceId, "ecs-container-instance-id", 7),
        (FlowLogField.EcsContainerId, "ecs-container-id", 7),
        (FlowLogField.EcsSecondContainerId, "ecs-second-container-id", 7),
        (FlowLogField.EcsServiceName, "ecs-service-name", 7),
        (FlowLogField.EcsTaskDefinitionArn, "ecs-task-definition-arn", 7),
        (FlowLogField.EcsTaskArn, "ecs-task-arn", 7),
        (FlowLogField.EcsTaskId, "ecs-task-id", 7),
        (FlowLogField.RejectReason, "reject-reason", 8),
    ];

    private static readonly Dictionary<string, FlowLogField> ByName = All.ToDictionary(f => f.Name, f => f.Field, StringComparer.Ordinal);

    /// <summary>The field an AWS name denotes, or <see cref="FlowLogField.Unknown"/>.</summary>
    public static FlowLogField Find(string name) => ByName.GetValueOrDefault(name, FlowLogField.Unknown);

    public static string NameOf(FlowLogField field) =>
        field == FlowLogField.Unknown ? "unknown" : All.First(f => f.Field == field).Name;

    /// <summary>The flow log version that introduced a field (2 for the default fields, 8 for reject-reason).</summary>
    public static int VersionOf(FlowLogField field) =>
        field == FlowLogField.Unknown ? 0 : All.First(f => f.Field == field).Version;
}
