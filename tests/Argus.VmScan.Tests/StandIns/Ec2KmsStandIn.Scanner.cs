using System.Text;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// The stand-in's EC2 network and instance launch, for the scanner Argus launches: VPCs (with their main route
/// table and default security group, as AWS makes them), subnets, internet gateways, route tables, security
/// groups, RunInstances (per-resource authorization as IAM does it, iam:PassRole, ClientToken idempotency, spot)
/// and TerminateInstances. Deletions refuse with DependencyViolation while something still depends on the resource.
/// </summary>
internal sealed partial class Ec2KmsStandIn
{
    public List<StandInVpc> Vpcs { get; } = [];
    public List<StandInSubnet> Subnets { get; } = [];
    public List<StandInGateway> Gateways { get; } = [];
    public List<StandInRouteTable> RouteTables { get; } = [];
    public List<StandInSecurityGroup> SecurityGroups { get; } = [];

    /// <summary>Describe polls a launched instance stays pending (or shutting down) for.</summary>
    public int InstancePolls { get; set; } = 2;

    /// <summary>The image of <paramref name="volumeId"/> when it is attached as <paramref name="device"/> to a running launched instance: what that instance would see.</summary>
    public string? AttachedToLaunched(string volumeId, string device)
    {
        lock (gate)
        {
            var volume = Volumes.FirstOrDefault(v => v.Id == volumeId);
            return volume?.Attachment is { State: "attached" } a && a.Device == device && Instances.Any(i => i.Id == a.Instance && i.SubnetId is not null && i.State == "running")
                ? volume.ImagePath
                : null;
        }
    }

    /// <summary>The customer volume a volume was (through its snapshot) made from.</summary>
    public string? SourceVolumeOf(string volumeId)
    {
        lock (gate)
        {
            var snapshot = Volumes.FirstOrDefault(v => v.Id == volumeId)?.SnapshotId;
            return Snapshots.FirstOrDefault(s => s.Id == snapshot)?.VolumeId;
        }
    }

    /// <summary>A VPC as AWS creates one: with its untagged main route table and default security group.</summary>
    public StandInVpc AddVpc(string account, string region, string cidr, IReadOnlyDictionary<string, string> tags)
    {
        var vpc = new StandInVpc { Id = NewId("vpc"), Account = account, Region = region, Cidr = cidr };
        foreach (var (k, v) in tags)
        {
            vpc.Tags[k] = v;
        }

        Vpcs.Add(vpc);
        RouteTables.Add(new StandInRouteTable { Id = NewId("rtb"), VpcId = vpc.Id, Main = true });
        SecurityGroups.Add(new StandInSecurityGroup { Id = NewId("sg"), VpcId = vpc.Id, Name = "default" });
        return vpc;
    }

    /// <summary>Launched instances that are not terminated, and the network resources Argus tags, for <see cref="ArgusResources"/>.</summary>
    private IEnumerable<string> ScannerResources(Func<Dictionary<string, string>, bool> mine) =>
        Instances.Where(i => i.State != "terminated" && mine(i.Tags)).Select(i => i.Id)
            .Concat(Vpcs.Where(v => mine(v.Tags)).Select(v => v.Id))
            .Concat(Subnets.Where(s => mine(s.Tags)).Select(s => s.Id))
            .Concat(Gateways.Where(g => mine(g.Tags)).Select(g => g.Id))
            .Concat(RouteTables.Where(r => mine(r.Tags)).Select(r => r.Id))
            .Concat(SecurityGroups.Where(g => mine(g.Tags)).Select(g => g.Id));

    /// <summary>The network Argus did not create, for <see cref="Fingerprint"/>.</summary>
    private void FingerprintNetwork(StringBuilder text, Func<Dictionary<string, string>, bool> argus)
    {
        foreach (var v in Vpcs.Where(v => !argus(v.Tags)))
        {
            text.Append($"{v.Id} {v.Cidr} {Tags(v.Tags)}\n");
        }

        foreach (var s in Subnets.Where(s => !argus(s.Tags)))
        {
            text.Append($"{s.Id} {s.VpcId} {Tags(s.Tags)}\n");
        }

        foreach (var g in Gateways.Where(g => !argus(g.Tags)))
        {
            text.Append($"{g.Id} {g.VpcId} {Tags(g.Tags)}\n");
        }

        foreach (var r in RouteTables.Where(r => !argus(r.Tags)))
        {
            text.Append($"{r.Id} {r.VpcId} {string.Join(',', r.Routes)} {string.Join(',', r.Associations)} {Tags(r.Tags)}\n");
        }

        foreach (var g in SecurityGroups.Where(g => !argus(g.Tags)))
        {
            text.Append($"{g.Id} {g.VpcId} {g.Name} {Tags(g.Tags)}\n");
        }
    }

    private string? ScannerAction(string action, Dictionary<string, string> form, StandInAccount caller, string region) => action switch
    {
        "DescribeVpcs" => Describe("DescribeVpcs", "vpcSet", Vpcs.Where(v => v.Account == caller.Id && v.Region == region), form, "VpcId", "InvalidVpcID.NotFound",
            v => v.Id, v => v.Tags, (v, name) => name == "vpc-id" ? [v.Id] : null,
            v => $"<item><vpcId>{v.Id}</vpcId><cidrBlock>{v.Cidr}</cidrBlock><state>available</state><ownerId>{v.Account}</ownerId>{TagSet(v.Tags)}</item>"),
        "DescribeSubnets" => Describe("DescribeSubnets", "subnetSet", Subnets.Where(s => InRegion(s.VpcId, caller, region)), form, "SubnetId", "InvalidSubnetID.NotFound",
            s => s.Id, s => s.Tags, (s, name) => name switch { "vpc-id" => [s.VpcId], "subnet-id" => [s.Id], _ => null },
            s => $"<item><subnetId>{s.Id}</subnetId><vpcId>{s.VpcId}</vpcId><availabilityZone>{s.Zone}</availabilityZone><cidrBlock>{s.Cidr}</cidrBlock><state>available</state>{TagSet(s.Tags)}</item>"),
        "DescribeInternetGateways" => Describe("DescribeInternetGateways", "internetGatewaySet", Gateways.Where(g => g.Account == caller.Id && g.Region == region), form, "InternetGatewayId",
            "InvalidInternetGatewayID.NotFound", g => g.Id, g => g.Tags, (g, name) => name == "attachment.vpc-id" ? [g.VpcId ?? ""] : null,
            g => $"<item><internetGatewayId>{g.Id}</internetGatewayId><ownerId>{g.Account}</ownerId><attachmentSet>{(g.VpcId is { } v ? $"<item><vpcId>{v}</vpcId><state>available</state></item>" : "")}</attachmentSet>{TagSet(g.Tags)}</item>"),
        "DescribeRouteTables" => Describe("DescribeRouteTables", "routeTableSet", RouteTables.Where(r => InRegion(r.VpcId, caller, region)), form, "RouteTableId", "InvalidRouteTableID.NotFound",
            r => r.Id, r => r.Tags, (r, name) => name == "vpc-id" ? [r.VpcId] : null,
            r => $"""
                <item><routeTableId>{r.Id}</routeTableId><vpcId>{r.VpcId}</vpcId>
                <routeSet><item><destinationCidrBlock>{Vpcs.First(v => v.Id == r.VpcId).Cidr}</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state></item>{string.Concat(r.Routes.Select(x => $"<item><destinationCidrBlock>{x.Destination}</destinationCidrBlock><gatewayId>{x.Gateway}</gatewayId><state>active</state></item>"))}</routeSet>
                <associationSet>{(r.Main ? $"<item><routeTableAssociationId>rtbassoc-main{r.Id[4..]}</routeTableAssociationId><routeTableId>{r.Id}</routeTableId><main>true</main></item>" : "")}{string.Concat(r.Associations.Select(a => $"<item><routeTableAssociationId>{a.Id}</routeTableAssociationId><routeTableId>{r.Id}</routeTableId><subnetId>{a.SubnetId}</subnetId><main>false</main></item>"))}</associationSet>
                {TagSet(r.Tags)}</item>
                """),
        "DescribeSecurityGroups" => Describe("DescribeSecurityGroups", "securityGroupInfo", SecurityGroups.Where(g => InRegion(g.VpcId, caller, region)), form, "GroupId", "InvalidGroup.NotFound",
            g => g.Id, g => g.Tags, (g, name) => name switch { "vpc-id" => [g.VpcId], "group-name" => [g.Name], _ => null },
            g => $"<item><groupId>{g.Id}</groupId><groupName>{g.Name}</groupName><vpcId>{g.VpcId}</vpcId><groupDescription>d</groupDescription><ipPermissions/><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>{TagSet(g.Tags)}</item>"),
        "CreateVpc" => CreateVpc(form, caller, region),
        "CreateSubnet" => CreateSubnet(form, caller, region),
        "CreateInternetGateway" => CreateInternetGateway(form, caller, region),
        "AttachInternetGateway" => AttachInternetGateway(form, caller, region),
        "CreateRouteTable" => CreateRouteTable(form, caller, region),
        "CreateRoute" => CreateRoute(form, caller, region),
        "AssociateRouteTable" => AssociateRouteTable(form, caller, region),
        "CreateSecurityGroup" => CreateSecurityGroup(form, caller, region),
        "RunInstances" => RunInstances(form, caller, region),
        "TerminateInstances" => TerminateInstances(form, caller, region),
        "DeleteSecurityGroup" => DeleteSecurityGroup(form, caller, region),
        "DisassociateRouteTable" => DisassociateRouteTable(form, caller, region),
        "DeleteRouteTable" => DeleteRouteTable(form, caller, region),
        "DetachInternetGateway" => DetachInternetGateway(form, caller, region),
        "DeleteInternetGateway" => DeleteInternetGateway(form, caller, region),
        "DeleteSubnet" => DeleteSubnet(form, caller, region),
        "DeleteVpc" => DeleteVpc(form, caller, region),
        _ => null,
    };

    private string Describe<T>(string action, string set, IEnumerable<T> all, Dictionary<string, string> form, string idParameter, string notFound,
        Func<T, string> id, Func<T, Dictionary<string, string>> tags, Func<T, string, string[]?> property, Func<T, string> xml)
    {
        var ids = List(form, idParameter);
        var found = all.Where(r => (ids.Count == 0 || ids.Contains(id(r))) && Matches(form, tags(r), name => property(r, name))).ToList();
        if (ids.Count > 0 && found.Count < ids.Count)
        {
            throw new Ec2Error(400, notFound, $"The ID '{ids.Except(found.Select(id)).First()}' does not exist");
        }

        return $"<{action}Response xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><{set}>{string.Concat(found.Select(xml))}</{set}></{action}Response>";
    }

    private bool InRegion(string vpcId, StandInAccount caller, string region) => Vpcs.Any(v => v.Id == vpcId && v.Account == caller.Id && v.Region == region);

    private StandInVpc Vpc(string id, StandInAccount caller, string region) =>
        Vpcs.FirstOrDefault(v => v.Id == id && v.Account == caller.Id && v.Region == region) ?? throw new Ec2Error(400, "InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");

    private string CreateVpc(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var tags = RequestTags(form, "vpc");
        Attempt("CreateVpc", form["CidrBlock"]);
        AuthorizeCreate("CreateVpc", tags, form["CidrBlock"]);
        var vpc = AddVpc(caller.Id, region, form["CidrBlock"], tags);
        return $"<CreateVpcResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><vpc><vpcId>{vpc.Id}</vpcId><cidrBlock>{vpc.Cidr}</cidrBlock><state>pending</state>{TagSet(vpc.Tags)}</vpc></CreateVpcResponse>";
    }

    private string CreateSubnet(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var tags = RequestTags(form, "subnet");
        Attempt("CreateSubnet", form["VpcId"]);
        var vpc = Vpc(form["VpcId"], caller, region);
        AuthorizeCreate("CreateSubnet", tags, vpc.Id);
        var zone = form["AvailabilityZone"];
        if (!zone.StartsWith(region, StringComparison.Ordinal))
        {
            throw new Ec2Error(400, "InvalidParameterValue", $"Value ({zone}) for parameter availabilityZone is invalid.");
        }

        var subnet = new StandInSubnet { Id = NewId("subnet"), VpcId = vpc.Id, Zone = zone, Cidr = form["CidrBlock"] };
        Tag(subnet.Tags, tags);
        Subnets.Add(subnet);
        return $"<CreateSubnetResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><subnet><subnetId>{subnet.Id}</subnetId><vpcId>{vpc.Id}</vpcId><availabilityZone>{zone}</availabilityZone>{TagSet(subnet.Tags)}</subnet></CreateSubnetResponse>";
    }

    private string CreateInternetGateway(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var tags = RequestTags(form, "internet-gateway");
        Attempt("CreateInternetGateway", "");
        AuthorizeCreate("CreateInternetGateway", tags, "internet-gateway");
        var gateway = new StandInGateway { Id = NewId("igw"), Account = caller.Id, Region = region };
        Tag(gateway.Tags, tags);
        Gateways.Add(gateway);
        return $"<CreateInternetGatewayResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><internetGateway><internetGatewayId>{gateway.Id}</internetGatewayId><attachmentSet/>{TagSet(gateway.Tags)}</internetGateway></CreateInternetGatewayResponse>";
    }

    private StandInGateway Gateway(string id, StandInAccount caller, string region, string action)
    {
        Attempt(action, id);
        var gateway = Gateways.FirstOrDefault(g => g.Id == id && g.Account == caller.Id && g.Region == region) ?? throw new Ec2Error(400, "InvalidInternetGatewayID.NotFound", $"The internetGateway ID '{id}' does not exist");
        Authorize(action, ResourceContext(gateway.Tags), id);
        return gateway;
    }

    private string AttachInternetGateway(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var gateway = Gateway(form["InternetGatewayId"], caller, region, "AttachInternetGateway");
        var vpc = Vpc(form["VpcId"], caller, region);
        Authorize("AttachInternetGateway", ResourceContext(vpc.Tags), vpc.Id);
        if (gateway.VpcId is not null)
        {
            throw new Ec2Error(400, "Resource.AlreadyAssociated", $"resource {gateway.Id} is already attached to network {gateway.VpcId}");
        }

        gateway.VpcId = vpc.Id;
        return Ok("AttachInternetGateway");
    }

    private string DetachInternetGateway(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var gateway = Gateway(form["InternetGatewayId"], caller, region, "DetachInternetGateway");
        var vpc = Vpc(form["VpcId"], caller, region);
        Authorize("DetachInternetGateway", ResourceContext(vpc.Tags), vpc.Id);
        if (gateway.VpcId != vpc.Id)
        {
            throw new Ec2Error(400, "Gateway.NotAttached", $"resource {gateway.Id} is not attached to network {vpc.Id}");
        }

        gateway.VpcId = null;
        return Ok("DetachInternetGateway");
    }

    private string DeleteInternetGateway(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var gateway = Gateway(form["InternetGatewayId"], caller, region, "DeleteInternetGateway");
        if (gateway.VpcId is not null)
        {
            throw new Ec2Error(400, "DependencyViolation", $"The internetGateway '{gateway.Id}' has dependencies and cannot be deleted.");
        }

        Gateways.Remove(gateway);
        return Ok("DeleteInternetGateway");
    }

    private string CreateRouteTable(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var tags = RequestTags(form, "route-table");
        Attempt("CreateRouteTable", form["VpcId"]);
        var vpc = Vpc(form["VpcId"], caller, region);
        AuthorizeCreate("CreateRouteTable", tags, vpc.Id);
        var table = new StandInRouteTable { Id = NewId("rtb"), VpcId = vpc.Id };
        Tag(table.Tags, tags);
        RouteTables.Add(table);
        return $"<CreateRouteTableResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><routeTable><routeTableId>{table.Id}</routeTableId><vpcId>{vpc.Id}</vpcId>{TagSet(table.Tags)}</routeTable></CreateRouteTableResponse>";
    }

    private StandInRouteTable RouteTable(string id, StandInAccount caller, string region, string action)
    {
        Attempt(action, id);
        var table = RouteTables.FirstOrDefault(r => r.Id == id && InRegion(r.VpcId, caller, region)) ?? throw new Ec2Error(400, "InvalidRouteTableID.NotFound", $"The routeTable ID '{id}' does not exist");
        Authorize(action, ResourceContext(table.Tags), id);
        return table;
    }

    private string CreateRoute(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var table = RouteTable(form["RouteTableId"], caller, region, "CreateRoute");
        var gateway = Gateways.FirstOrDefault(g => g.Id == form.GetValueOrDefault("GatewayId") && g.VpcId == table.VpcId)
            ?? throw new Ec2Error(400, "InvalidGatewayID.NotFound", $"The gateway ID '{form.GetValueOrDefault("GatewayId")}' is not attached to {table.VpcId}");
        if (table.Routes.Any(r => r.Destination == form["DestinationCidrBlock"]))
        {
            throw new Ec2Error(400, "RouteAlreadyExists", $"The route identified by {form["DestinationCidrBlock"]} already exists.");
        }

        table.Routes.Add((form["DestinationCidrBlock"], gateway.Id));
        return Ok("CreateRoute");
    }

    private string AssociateRouteTable(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var table = RouteTable(form["RouteTableId"], caller, region, "AssociateRouteTable");
        var subnet = Subnets.FirstOrDefault(s => s.Id == form["SubnetId"] && s.VpcId == table.VpcId) ?? throw new Ec2Error(400, "InvalidSubnetID.NotFound", $"The subnet ID '{form["SubnetId"]}' does not exist");
        Authorize("AssociateRouteTable", ResourceContext(subnet.Tags), subnet.Id);
        if (RouteTables.Any(r => r.Associations.Any(a => a.SubnetId == subnet.Id)))
        {
            throw new Ec2Error(400, "Resource.AlreadyAssociated", $"the specified association for route table {table.Id} conflicts with an existing association");
        }

        var id = NewId("rtbassoc");
        table.Associations.Add((id, subnet.Id));
        return $"<AssociateRouteTableResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><associationId>{id}</associationId><associationState><state>associated</state></associationState></AssociateRouteTableResponse>";
    }

    private string DisassociateRouteTable(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var id = form["AssociationId"];
        var owner = RouteTables.FirstOrDefault(r => r.Associations.Any(a => a.Id == id) && InRegion(r.VpcId, caller, region))
            ?? throw new Ec2Error(400, "InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");
        var table = RouteTable(owner.Id, caller, region, "DisassociateRouteTable");
        table.Associations.RemoveAll(a => a.Id == id);
        return Ok("DisassociateRouteTable");
    }

    private string DeleteRouteTable(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var table = RouteTable(form["RouteTableId"], caller, region, "DeleteRouteTable");
        if (table.Main || table.Associations.Count > 0)
        {
            throw new Ec2Error(400, "DependencyViolation", $"The routeTable '{table.Id}' has dependencies and cannot be deleted.");
        }

        RouteTables.Remove(table);
        return Ok("DeleteRouteTable");
    }

    private string CreateSecurityGroup(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var tags = RequestTags(form, "security-group");
        Attempt("CreateSecurityGroup", form["VpcId"]);
        var vpc = Vpc(form["VpcId"], caller, region);
        AuthorizeCreate("CreateSecurityGroup", tags, vpc.Id);
        if (SecurityGroups.Any(g => g.VpcId == vpc.Id && g.Name == form["GroupName"]))
        {
            throw new Ec2Error(400, "InvalidGroup.Duplicate", $"The security group '{form["GroupName"]}' already exists for VPC '{vpc.Id}'");
        }

        var group = new StandInSecurityGroup { Id = NewId("sg"), VpcId = vpc.Id, Name = form["GroupName"] };
        Tag(group.Tags, tags);
        SecurityGroups.Add(group);
        return $"<CreateSecurityGroupResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><return>true</return><groupId>{group.Id}</groupId>{TagSet(group.Tags)}</CreateSecurityGroupResponse>";
    }

    private StandInSecurityGroup SecurityGroup(string id, StandInAccount caller, string region, string action)
    {
        Attempt(action, id);
        var group = SecurityGroups.FirstOrDefault(g => g.Id == id && InRegion(g.VpcId, caller, region)) ?? throw new Ec2Error(400, "InvalidGroup.NotFound", $"The security group '{id}' does not exist");
        Authorize(action, ResourceContext(group.Tags), id);
        return group;
    }

    private string DeleteSecurityGroup(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var group = SecurityGroup(form["GroupId"], caller, region, "DeleteSecurityGroup");
        if (group.Name == "default" || Instances.Any(i => i.State != "terminated" && i.SecurityGroups.Contains(group.Id)))
        {
            throw new Ec2Error(400, "DependencyViolation", $"resource {group.Id} has a dependent object");
        }

        SecurityGroups.Remove(group);
        return Ok("DeleteSecurityGroup");
    }

    private string DeleteSubnet(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var id = form["SubnetId"];
        Attempt("DeleteSubnet", id);
        var subnet = Subnets.FirstOrDefault(s => s.Id == id && InRegion(s.VpcId, caller, region)) ?? throw new Ec2Error(400, "InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");
        Authorize("DeleteSubnet", ResourceContext(subnet.Tags), id);
        if (Instances.Any(i => i.State != "terminated" && i.SubnetId == id))
        {
            throw new Ec2Error(400, "DependencyViolation", $"The subnet '{id}' has dependencies and cannot be deleted.");
        }

        foreach (var table in RouteTables)
        {
            table.Associations.RemoveAll(a => a.SubnetId == id);
        }

        Subnets.Remove(subnet);
        return Ok("DeleteSubnet");
    }

    private string DeleteVpc(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var id = form["VpcId"];
        Attempt("DeleteVpc", id);
        var vpc = Vpc(id, caller, region);
        Authorize("DeleteVpc", ResourceContext(vpc.Tags), id);
        if (Subnets.Any(s => s.VpcId == id) || Gateways.Any(g => g.VpcId == id) || RouteTables.Any(r => r.VpcId == id && !r.Main)
            || SecurityGroups.Any(g => g.VpcId == id && g.Name != "default"))
        {
            throw new Ec2Error(400, "DependencyViolation", $"The vpc '{id}' has dependencies and cannot be deleted.");
        }

        RouteTables.RemoveAll(r => r.VpcId == id);
        SecurityGroups.RemoveAll(g => g.VpcId == id);
        Vpcs.Remove(vpc);
        return Ok("DeleteVpc");
    }

    private string RunInstances(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var image = form["ImageId"];
        Attempt("RunInstances", image);
        var token = form.GetValueOrDefault("ClientToken");
        if (token is not null && Instances.FirstOrDefault(i => i.ClientToken == token && i.Account == caller.Id && i.Region == region) is { } earlier)
        {
            return Reservation("RunInstancesResponse", earlier);
        }

        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        for (var n = 1; form.TryGetValue($"TagSpecification.{n}.ResourceType", out var type); n++)
        {
            var set = tags[type] = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var m = 1; form.TryGetValue($"TagSpecification.{n}.Tag.{m}.Key", out var key); m++)
            {
                set[key] = form.GetValueOrDefault($"TagSpecification.{n}.Tag.{m}.Value") ?? "";
            }
        }

        var subnet = Subnets.FirstOrDefault(s => s.Id == form.GetValueOrDefault("NetworkInterface.1.SubnetId") && InRegion(s.VpcId, caller, region))
            ?? throw new Ec2Error(400, "InvalidSubnetID.NotFound", $"The subnet ID '{form.GetValueOrDefault("NetworkInterface.1.SubnetId")}' does not exist");
        var groups = List(form, "NetworkInterface.1.SecurityGroupId");
        var groupObjects = groups.Select(g => SecurityGroups.FirstOrDefault(x => x.Id == g && x.VpcId == subnet.VpcId) ?? throw new Ec2Error(400, "InvalidGroup.NotFound", $"The security group '{g}' does not exist in {subnet.VpcId}")).ToList();

        // IAM authorizes RunInstances on every resource it touches: what it creates by the request's tags,
        // the subnet and groups by their own tags, the image as is; then passing the instance profile's role.
        var arn = $"arn:aws:ec2:{region}:{caller.Id}:";
        foreach (var type in new[] { "instance", "volume", "network-interface" })
        {
            var context = (tags.GetValueOrDefault(type) ?? []).ToDictionary(t => "aws:RequestTag/" + t.Key, t => (IReadOnlyList<string>)[t.Value], StringComparer.Ordinal);
            AuthorizeResource("RunInstances", arn + type + "/*", context);
            if (tags.ContainsKey(type))
            {
                context["ec2:CreateAction"] = ["RunInstances"];
                Authorize("CreateTags", context, type);
            }
        }

        AuthorizeResource("RunInstances", arn + "subnet/" + subnet.Id, ResourceContext(subnet.Tags));
        foreach (var group in groupObjects)
        {
            AuthorizeResource("RunInstances", arn + "security-group/" + group.Id, ResourceContext(group.Tags));
        }

        AuthorizeResource("RunInstances", $"arn:aws:ec2:{region}::image/{image}", new Dictionary<string, IReadOnlyList<string>>());
        var profile = form.GetValueOrDefault("IamInstanceProfile.Name");
        if (profile is not null && !Policy.Allows("iam:PassRole", $"arn:aws:iam::{caller.Id}:role/{profile}",
                new Dictionary<string, IReadOnlyList<string>> { ["iam:PassedToService"] = ["ec2.amazonaws.com"] }))
        {
            Denied.Add($"iam:PassRole {profile}");
            throw new Ec2Error(403, "UnauthorizedOperation", $"You are not authorized to perform: iam:PassRole on {profile}");
        }

        var instance = new StandInInstance
        {
            Id = NewId("i"), Account = caller.Id, Region = region, Zone = subnet.Zone, State = "pending", SubnetId = subnet.Id, SecurityGroups = groups,
            Spot = form.GetValueOrDefault("InstanceMarketOptions.MarketType") == "spot", ImageId = image, InstanceProfile = profile,
            UserData = form.TryGetValue("UserData", out var data) ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : null,
            HttpTokens = form.GetValueOrDefault("MetadataOptions.HttpTokens"), ClientToken = token,
            PublicIp = form.GetValueOrDefault("NetworkInterface.1.AssociatePublicIpAddress") == "true", PollsUntilChange = InstancePolls,
        };
        Tag(instance.Tags, tags.GetValueOrDefault("instance") ?? []);
        var root = new StandInVolume { Id = NewId("vol"), Account = caller.Id, Region = region, Zone = subnet.Zone, Size = 8, ImagePath = "", State = "in-use" };
        Tag(root.Tags, tags.GetValueOrDefault("volume") ?? []);
        root.Attachment = (instance.Id, "/dev/xvda", "attached");
        Volumes.Add(root);
        instance.Devices.Add(("/dev/xvda", root.Id));
        Instances.Add(instance);
        return Reservation("RunInstancesResponse", instance);
    }

    private string Reservation(string element, StandInInstance i) => $"""
        <{element} xmlns="{Ec2Namespace}"><requestId>r</requestId><reservationId>r-{i.Id[2..]}</reservationId><ownerId>{i.Account}</ownerId><instancesSet><item>
        <instanceId>{i.Id}</instanceId><imageId>{i.ImageId}</imageId><instanceState><code>0</code><name>{i.State}</name></instanceState>
        <placement><availabilityZone>{i.Zone}</availabilityZone></placement>{TagSet(i.Tags)}</item></instancesSet></{element}>
        """;

    private string TerminateInstances(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var items = new StringBuilder();
        foreach (var id in List(form, "InstanceId"))
        {
            Attempt("TerminateInstances", id);
            var instance = Instances.FirstOrDefault(i => i.Id == id && i.Account == caller.Id && i.Region == region) ?? throw new Ec2Error(400, "InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist");
            Authorize("TerminateInstances", ResourceContext(instance.Tags), id);
            var before = instance.State;
            if (before != "terminated")
            {
                instance.State = "shutting-down";
                instance.PollsUntilChange = InstancePolls;
            }

            items.Append($"<item><instanceId>{id}</instanceId><previousState><code>16</code><name>{before}</name></previousState><currentState><code>32</code><name>{instance.State}</name></currentState></item>");
        }

        return $"<TerminateInstancesResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><instancesSet>{items}</instancesSet></TerminateInstancesResponse>";
    }

    /// <summary>A launched instance moves on as it is described: pending to running, shutting-down to terminated (its volumes detached, its root deleted).</summary>
    private void Progress(StandInInstance i)
    {
        if (i.State is not ("pending" or "shutting-down") || --i.PollsUntilChange > 0)
        {
            return;
        }

        if (i.State == "pending")
        {
            i.State = "running";
            return;
        }

        i.State = "terminated";
        foreach (var v in Volumes.Where(v => v.Attachment?.Instance == i.Id).ToList())
        {
            v.Attachment = null;
            v.State = "available";
            if (i.Devices.Any(d => d.VolumeId == v.Id))
            {
                Volumes.Remove(v);
            }
        }

        i.Devices.Clear();
    }

    private void AuthorizeResource(string action, string arn, IReadOnlyDictionary<string, IReadOnlyList<string>> context)
    {
        if (!Policy.Allows("ec2:" + action, arn, context))
        {
            Denied.Add($"ec2:{action} {arn}");
            throw new Ec2Error(403, "UnauthorizedOperation", $"You are not authorized to perform: ec2:{action} on {arn}");
        }
    }
}
