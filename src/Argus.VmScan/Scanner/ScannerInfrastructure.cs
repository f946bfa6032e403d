using System.Text;
using System.Text.Json.Nodes;
using Argus.Aws.Client;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Scanner;

/// <summary>
/// Brings up the scanner Argus launches for one scan, step by resumable step: VPC, subnet in the scanner's zone,
/// internet gateway (attached), route table with a default route to it (associated), a security group with no
/// inbound rule, then the instance (IMDSv2 only, public address, the named instance profile, user data starting
/// the worker). Each step first looks in the journal, then for a resource tagged with this scan's id (the answer
/// to a create may have been lost), and only then creates, tagged at creation. Removal is the cleaner's, by tag.
/// </summary>
internal sealed class ScannerInfrastructure(VmScanCloud cloud, Ec2Resources ec2, JournalKeeper journal, AwsCallContext scanner, IProgress<VmScanEvent>? events)
{
    private ScanPlan Plan => journal.Current.Plan;

    private string ScanId => Plan.ScanId;

    private ScannerLaunch Launch => Plan.Launch ?? throw new InvalidOperationException("the plan launches no scanner");

    /// <summary>Everything up and the instance running; returns the progress with its id.</summary>
    public async Task<ScannerProgress> EnsureAsync(CancellationToken ct)
    {
        // A scanner torn down before (a resumed scan that had ended) is launched afresh.
        var p = journal.Current.Scanner is { TornDown: false } earlier ? earlier : new ScannerProgress();
        if (p.Running && p.InstanceId is not null && !p.TornDown)
        {
            // Running before a crash: still running now, or the scan cannot go on.
            await ec2.WaitInstanceAsync(p.InstanceId, scanner, ["running"], ["shutting-down", "terminated", "stopping", "stopped"], ct).ConfigureAwait(false);
            return p;
        }

        p = await StepAsync(p, p.VpcId, "DescribeVpcs", "Vpcs", "VpcId", "scanner-vpc", [], () => new JsonObject
        {
            ["CidrBlock"] = Launch.Cidr,
            ["TagSpecifications"] = Tags("vpc", "scanner-vpc"),
        }, "CreateVpc", "Vpc", (q, id) => q with { VpcId = id }, ct).ConfigureAwait(false);
        var vpc = p.VpcId!;

        p = await StepAsync(p, p.SubnetId, "DescribeSubnets", "Subnets", "SubnetId", "scanner-subnet", [VmScanCloud.Filter("vpc-id", vpc)], () => new JsonObject
        {
            ["VpcId"] = vpc,
            ["CidrBlock"] = Launch.Cidr,
            ["AvailabilityZone"] = Plan.ScannerAvailabilityZone,
            ["TagSpecifications"] = Tags("subnet", "scanner-subnet"),
        }, "CreateSubnet", "Subnet", (q, id) => q with { SubnetId = id }, ct).ConfigureAwait(false);

        p = await StepAsync(p, p.InternetGatewayId, "DescribeInternetGateways", "InternetGateways", "InternetGatewayId", "scanner-gateway", [], () => new JsonObject
        {
            ["TagSpecifications"] = Tags("internet-gateway", "scanner-gateway"),
        }, "CreateInternetGateway", "InternetGateway", (q, id) => q with { InternetGatewayId = id }, ct).ConfigureAwait(false);
        if (!p.GatewayAttached)
        {
            var gateway = await OneAsync("DescribeInternetGateways", "InternetGatewayIds", "InternetGateways", p.InternetGatewayId!, ct).ConfigureAwait(false);
            if (!(gateway["Attachments"] as JsonArray ?? []).Any(a => a?["VpcId"]?.GetValue<string>() == vpc))
            {
                await cloud.WriteAsync("ec2", "AttachInternetGateway", p.InternetGatewayId!, new JsonObject { ["InternetGatewayId"] = p.InternetGatewayId, ["VpcId"] = vpc }, scanner, ct).ConfigureAwait(false);
            }

            p = journal.Record(p with { GatewayAttached = true });
        }

        p = await StepAsync(p, p.RouteTableId, "DescribeRouteTables", "RouteTables", "RouteTableId", "scanner-routes", [VmScanCloud.Filter("vpc-id", vpc)], () => new JsonObject
        {
            ["VpcId"] = vpc,
            ["TagSpecifications"] = Tags("route-table", "scanner-routes"),
        }, "CreateRouteTable", "RouteTable", (q, id) => q with { RouteTableId = id }, ct).ConfigureAwait(false);
        if (!p.DefaultRoute || p.AssociationId is null)
        {
            var table = await OneAsync("DescribeRouteTables", "RouteTableIds", "RouteTables", p.RouteTableId!, ct).ConfigureAwait(false);
            if (!p.DefaultRoute)
            {
                if (!(table["Routes"] as JsonArray ?? []).Any(r => r?["DestinationCidrBlock"]?.GetValue<string>() == "0.0.0.0/0"))
                {
                    await cloud.WriteAsync("ec2", "CreateRoute", p.RouteTableId!, new JsonObject
                    {
                        ["RouteTableId"] = p.RouteTableId, ["DestinationCidrBlock"] = "0.0.0.0/0", ["GatewayId"] = p.InternetGatewayId,
                    }, scanner, ct).ConfigureAwait(false);
                }

                p = journal.Record(p with { DefaultRoute = true });
            }

            if (p.AssociationId is null)
            {
                var association = (table["Associations"] as JsonArray ?? []).FirstOrDefault(a => a?["SubnetId"]?.GetValue<string>() == p.SubnetId)?["RouteTableAssociationId"]?.GetValue<string>();
                if (association is null)
                {
                    var answer = await cloud.WriteAsync("ec2", "AssociateRouteTable", p.RouteTableId!, new JsonObject { ["RouteTableId"] = p.RouteTableId, ["SubnetId"] = p.SubnetId }, scanner, ct).ConfigureAwait(false);
                    association = VmScanCloud.Text(answer, "AssociationId");
                }

                p = journal.Record(p with { AssociationId = association });
            }
        }

        p = await StepAsync(p, p.SecurityGroupId, "DescribeSecurityGroups", "SecurityGroups", "GroupId", "scanner-group", [VmScanCloud.Filter("vpc-id", vpc)], () => new JsonObject
        {
            ["GroupName"] = "argus-scanner-" + ScanId,
            ["Description"] = $"Argus scanner of scan {ScanId}: no inbound rule; removed when the scan ends",
            ["VpcId"] = vpc,
            ["TagSpecifications"] = Tags("security-group", "scanner-group"),
        }, "CreateSecurityGroup", null, (q, id) => q with { SecurityGroupId = id }, ct).ConfigureAwait(false);

        p = await InstanceAsync(p, ct).ConfigureAwait(false);
        events?.Report(new VmScanEvent("wait", null, p.InstanceId!, "waiting for the scanner instance to run"));
        var running = await ec2.WaitInstanceAsync(p.InstanceId!, scanner, ["running"], ["shutting-down", "terminated", "stopping", "stopped"], ct).ConfigureAwait(false);
        Ec2Resources.EnsureOwned(running, p.InstanceId!, ScanId);
        return journal.Record(p with { Running = true });
    }

    private async Task<ScannerProgress> InstanceAsync(ScannerProgress p, CancellationToken ct)
    {
        var id = p.InstanceId ?? (await ec2.OwnedAsync("DescribeInstances", "Reservations", ScanId, scanner, ct,
                VmScanCloud.Filter("instance-state-name", "pending", "running"), Purpose("scanner")).ConfigureAwait(false))
            .Select(i => VmScanCloud.Text(i, "InstanceId")).FirstOrDefault();
        if (id is null)
        {
            var launch = Launch;
            var parameters = new JsonObject
            {
                ["ImageId"] = launch.ImageId,
                ["InstanceType"] = launch.InstanceType,
                ["MinCount"] = 1,
                ["MaxCount"] = 1,
                // The same token on a retried or resumed launch answers with the first instance instead of a second.
                ["ClientToken"] = "argus-" + ScanId,
                ["IamInstanceProfile"] = new JsonObject { ["Name"] = launch.InstanceProfile },
                ["MetadataOptions"] = new JsonObject { ["HttpTokens"] = "required", ["HttpEndpoint"] = "enabled", ["HttpPutResponseHopLimit"] = 1 },
                // When the worker is done (or gives up) it shuts the instance down, which then terminates it.
                ["InstanceInitiatedShutdownBehavior"] = "terminate",
                ["NetworkInterfaces"] = new JsonArray(new JsonObject
                {
                    ["DeviceIndex"] = 0,
                    ["SubnetId"] = p.SubnetId,
                    ["Groups"] = new JsonArray(p.SecurityGroupId),
                    ["AssociatePublicIpAddress"] = true,
                    ["DeleteOnTermination"] = true,
                }),
                ["UserData"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(WorkerUserData.Script(Plan))),
                ["TagSpecifications"] = new JsonArray([.. new[] { "instance", "volume", "network-interface" }.Select(t => Tags(t, "scanner")[0]!.DeepClone())]),
            };
            if (launch.Spot)
            {
                parameters["InstanceMarketOptions"] = new JsonObject
                {
                    ["MarketType"] = "spot",
                    ["SpotOptions"] = new JsonObject { ["SpotInstanceType"] = "one-time", ["InstanceInterruptionBehavior"] = "terminate" },
                };
            }

            var answer = await cloud.WriteAsync("ec2", "RunInstances", launch.ImageId, parameters, scanner, ct).ConfigureAwait(false);
            id = VmScanCloud.Text((answer["Instances"] as JsonArray)?.FirstOrDefault(), "InstanceId");
        }

        return p.InstanceId == id ? p : journal.Record(p with { InstanceId = id });
    }

    /// <summary>One create step: the journaled id, else one found by this scan's tags, else a new one.</summary>
    private async Task<ScannerProgress> StepAsync(ScannerProgress p, string? known, string describe, string list, string idProperty, string purpose, JsonObject[] filters,
        Func<JsonObject> parameters, string create, string? answerObject, Func<ScannerProgress, string, ScannerProgress> record, CancellationToken ct)
    {
        var id = known ?? (await ec2.OwnedAsync(describe, list, ScanId, scanner, ct, [.. filters, Purpose(purpose)]).ConfigureAwait(false))
            .Select(r => VmScanCloud.Text(r, idProperty)).FirstOrDefault();
        if (id is null)
        {
            var answer = await cloud.WriteAsync("ec2", create, purpose, parameters(), scanner, ct).ConfigureAwait(false);
            id = VmScanCloud.Text(answerObject is null ? answer : answer[answerObject], idProperty);
        }

        return known == id ? p : journal.Record(record(p, id));
    }

    private async Task<JsonNode> OneAsync(string describe, string idsParameter, string list, string id, CancellationToken ct)
    {
        var answer = await cloud.ReadAsync("ec2", describe, new JsonObject { [idsParameter] = new JsonArray(id) }, scanner, ct).ConfigureAwait(false);
        var found = (answer[list] as JsonArray)?.FirstOrDefault() ?? throw new VmScanStepException($"{id} disappeared while the scanner was being set up");
        Ec2Resources.EnsureOwned(found, id, ScanId);
        return found;
    }

    private JsonArray Tags(string resourceType, string purpose) => VmScanCloud.TagSpecifications(resourceType, ScanId, ScanId, purpose);

    private static JsonObject Purpose(string purpose) => VmScanCloud.Filter("tag:" + VmScanTags.PurposeKey, purpose);
}
