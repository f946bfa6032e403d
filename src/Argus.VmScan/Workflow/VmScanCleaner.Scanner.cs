using System.Text.Json.Nodes;
using Argus.Aws.Client;

namespace Argus.VmScan.Workflow;

/// <summary>
/// The launched scanner's part of a cleanup by tag: its instances are terminated (and waited for) before any volume
/// goes, and its network is removed after everything else, innermost first: security group, route table (its
/// subnet associations first), internet gateway (detached first), subnet, VPC. Each only with both Argus tags.
/// </summary>
public sealed partial class VmScanCleaner
{
    private static readonly string[] Live = ["pending", "running", "stopping", "stopped", "shutting-down"];

    private async Task<IReadOnlyList<CleanupItem>> InstancesAsync(AwsCallContext ctx, string? scanId, DateTimeOffset? olderThan, bool execute, CancellationToken ct)
    {
        var items = new List<CleanupItem>();
        // A scanner the user named carries only the owner tag (the policy needs it to attach volumes); only launched ones carry a scan id.
        foreach (var instance in await ec2.OwnedAsync("DescribeInstances", "Reservations", null, ctx, ct,
            VmScanCloud.Filter("instance-state-name", Live), VmScanCloud.Filter("tag-key", VmScanTags.ScanIdKey)).ConfigureAwait(false))
        {
            var id = VmScanCloud.Text(instance, "InstanceId");
            items.Add(await ActAsync("instance", id, instance, "LaunchTime", ctx, scanId, olderThan, execute, async () =>
            {
                if (instance["State"]?["Name"]?.GetValue<string>() != "shutting-down")
                {
                    await cloud.WriteAsync("ec2", "TerminateInstances", id, new JsonObject { ["InstanceIds"] = new JsonArray(id) }, ctx, ct).ConfigureAwait(false);
                }

                // Its interface holds the security group and subnet, and its attachments the volumes, until it is gone.
                await ec2.WaitInstanceAsync(id, ctx, ["terminated"], [], ct).ConfigureAwait(false);
            }).ConfigureAwait(false));
        }

        return items;
    }

    private async Task<IReadOnlyList<CleanupItem>> NetworkAsync(AwsCallContext ctx, string? scanId, DateTimeOffset? olderThan, bool execute, CancellationToken ct)
    {
        var items = new List<CleanupItem>();
        async Task EachAsync(string kind, string describe, string list, string idProperty, Func<JsonNode, string, Task> remove)
        {
            foreach (var resource in await ec2.OwnedAsync(describe, list, null, ctx, ct).ConfigureAwait(false))
            {
                var id = VmScanCloud.Text(resource, idProperty);
                items.Add(await ActAsync(kind, id, resource, "CreateTime", ctx, scanId, olderThan, execute, () => remove(resource, id)).ConfigureAwait(false));
            }
        }

        await EachAsync("security group", "DescribeSecurityGroups", "SecurityGroups", "GroupId",
            (_, id) => WriteGoneOkAsync("DeleteSecurityGroup", id, new JsonObject { ["GroupId"] = id }, ctx, ct)).ConfigureAwait(false);
        await EachAsync("route table", "DescribeRouteTables", "RouteTables", "RouteTableId", async (table, id) =>
        {
            foreach (var association in (table["Associations"] as JsonArray ?? []).Where(a => a?["Main"]?.GetValue<bool>() != true))
            {
                var associationId = VmScanCloud.Text(association, "RouteTableAssociationId");
                await WriteGoneOkAsync("DisassociateRouteTable", id, new JsonObject { ["AssociationId"] = associationId }, ctx, ct).ConfigureAwait(false);
            }

            await WriteGoneOkAsync("DeleteRouteTable", id, new JsonObject { ["RouteTableId"] = id }, ctx, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        await EachAsync("internet gateway", "DescribeInternetGateways", "InternetGateways", "InternetGatewayId", async (gateway, id) =>
        {
            foreach (var vpc in (gateway["Attachments"] as JsonArray ?? []).Select(a => a?["VpcId"]?.GetValue<string>()).OfType<string>())
            {
                await WriteGoneOkAsync("DetachInternetGateway", id, new JsonObject { ["InternetGatewayId"] = id, ["VpcId"] = vpc }, ctx, ct).ConfigureAwait(false);
            }

            await WriteGoneOkAsync("DeleteInternetGateway", id, new JsonObject { ["InternetGatewayId"] = id }, ctx, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        await EachAsync("subnet", "DescribeSubnets", "Subnets", "SubnetId",
            (_, id) => WriteGoneOkAsync("DeleteSubnet", id, new JsonObject { ["SubnetId"] = id }, ctx, ct)).ConfigureAwait(false);
        await EachAsync("vpc", "DescribeVpcs", "Vpcs", "VpcId",
            (_, id) => WriteGoneOkAsync("DeleteVpc", id, new JsonObject { ["VpcId"] = id }, ctx, ct)).ConfigureAwait(false);
        return items;
    }

    /// <summary>A removal that is done when its target is already gone (removed before a crash kept it from being recorded).</summary>
    private async Task WriteGoneOkAsync(string operation, string resourceId, JsonObject parameters, AwsCallContext ctx, CancellationToken ct)
    {
        try
        {
            await cloud.WriteAsync("ec2", operation, resourceId, parameters, ctx, ct).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
        }
    }
}
