using Argus.Synthetic.Organization;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>Load balancers, fleets of instances with their volumes, and the planted instances.</summary>
internal sealed partial class RegionPlanner
{
    /// <summary>Names of the planted instances and volumes, as docs/demo-environment.md lists them.</summary>
    public const string BastionName = "bastion";
    public const string PublicDatabaseName = "payments-db";
    public const string LegacyInstanceName = "legacy-reporting-1";
    public const string UnencryptedVolumeName = "ci-scratch";

    private const string SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>What to launch; everything but the name, subnet and groups has the usual value.</summary>
    private sealed record LaunchSpec(
        string Name,
        SubnetModel Subnet,
        IReadOnlyList<SecurityGroupModel> Groups,
        string InstanceType,
        string? Profile,
        string? AutoScalingGroup = null,
        bool Windows = false,
        string? KeyName = null,
        string HttpTokens = "required",
        int RootSize = 30,
        int? DataSize = null,
        string? DataKey = null,
        bool DataEncrypted = true,
        string? DataName = null,
        bool PublicIp = false,
        string? ElasticIpName = null,
        string? Role = null);

    private void LoadBalancers(VpcModel vpc, VpcSkeleton sk, DateTimeOffset created)
    {
        var p = Account.Prefix;
        if (sk.PublicLoadBalancer)
        {
            var name = ElbName($"{p}-web-alb");
            var hex = ids.Hex("alb", sk.Index, 16);
            var digits = (ids.Hash("alb-dns", sk.Index) % 9_000_000_000UL) + 1_000_000_000UL;
            var balancer = new LoadBalancerModel(
                $"arn:aws:elasticloadbalancing:{Region.Name}:{AccountId}:loadbalancer/app/{name}/{hex}", name, "application", "internet-facing", vpc,
                vpc.Subnets.Where(s => s.Tier == SubnetTier.Public).ToList(), [Group(vpc, $"{p}-alb")],
                $"{name}-{digits}.{Region.Name}.elb.amazonaws.com", Region.ApplicationLoadBalancerZone, created, Tags(name));
            foreach (var subnet in balancer.Subnets)
            {
                var eni = Interface(subnet, "interface", $"ELB app/{name}/{hex}", balancer.Groups, "amazon-elb", true);
                eni.Public = AmazonPublicAddress();
                eni.Attachment = new InterfaceAttachment(AttachmentId("eni-attach"), created, 1, false, null, "amazon-elb");
                balancer.Interfaces.Add(eni);
            }

            var web = TargetGroup(vpc, $"{p}-web", "web", "HTTP", 8080, "/health");
            web.LoadBalancerArns.Add(balancer.Arn);
            var certificate = $"arn:aws:acm:{Region.Name}:{AccountId}:certificate/{ids.Uuid("certificate", sk.Index)}";
            balancer.Listeners.Add(new ListenerModel(ListenerArn("app", name, hex, 443), 443, "HTTPS", certificate, SslPolicy, web));
            balancer.Listeners.Add(new ListenerModel(ListenerArn("app", name, hex, 80), 80, "HTTP", null, null, null));
            model.LoadBalancers.Add(balancer);
        }

        if (sk.InternalLoadBalancer)
        {
            var name = ElbName($"{p}-api-nlb");
            var hex = ids.Hex("nlb", sk.Index, 16);
            var balancer = new LoadBalancerModel(
                $"arn:aws:elasticloadbalancing:{Region.Name}:{AccountId}:loadbalancer/net/{name}/{hex}", name, "network", "internal", vpc,
                vpc.Subnets.Where(s => s.Tier == SubnetTier.Private).ToList(), [],
                $"{name}-{hex}.elb.{Region.Name}.amazonaws.com", Region.NetworkLoadBalancerZone, created, Tags(name));
            foreach (var subnet in balancer.Subnets)
            {
                var eni = Interface(subnet, "network_load_balancer", $"ELB net/{name}/{hex}", [], "amazon-elb", true);
                eni.Attachment = new InterfaceAttachment(AttachmentId("eni-attach"), created, 1, false, null, "amazon-elb");
                balancer.Interfaces.Add(eni);
            }

            var api = TargetGroup(vpc, $"{p}-api", "api", "TCP", 8443, null);
            api.LoadBalancerArns.Add(balancer.Arn);
            balancer.Listeners.Add(new ListenerModel(ListenerArn("net", name, hex, 8443), 8443, "TCP", null, null, api));
            model.LoadBalancers.Add(balancer);
        }
    }

    /// <summary>Load balancer and target group names may not exceed 32 characters.</summary>
    private static string ElbName(string name) => name.Length <= 32 ? name : name[..32].TrimEnd('-');

    private string ListenerArn(string type, string name, string hex, int port) =>
        $"arn:aws:elasticloadbalancing:{Region.Name}:{AccountId}:listener/{type}/{name}/{hex}/{ids.Hex("listener:" + name, port, 16)}";

    private TargetGroupModel TargetGroup(VpcModel vpc, string name, string role, string protocol, int port, string? healthPath)
    {
        name = ElbName(name);
        var group = new TargetGroupModel(
            $"arn:aws:elasticloadbalancing:{Region.Name}:{AccountId}:targetgroup/{name}/{ids.Hex("tg:" + name, 0, 16)}", name, protocol, port, vpc, healthPath, Tags(name));
        model.TargetGroups.Add(group);
        targetGroups[role] = group;
        return group;
    }

    /// <summary>The planted instances first, then each fleet's share of what is left of the budget.</summary>
    private void Fleets(VpcModel vpc)
    {
        var planted = Planted(vpc);
        var budget = skeleton.Instances - planted.Count;
        if (budget < 0)
        {
            throw new InvalidOperationException($"{Account} {Region.Name}: {skeleton.Instances} instances cannot hold the {planted.Count} planted ones");
        }

        foreach (var spec in planted)
        {
            Launch(spec);
        }

        var fleets = Fleet.For(Account);
        // Every fleet gets one instance when the budget allows, then shares of the rest.
        var floor = budget >= fleets.Count ? 1 : 0;
        var counts = fleets.Select(f => floor + (int)Math.Floor((budget - floor * fleets.Count) * f.Share)).ToArray();
        counts[0] += budget - counts.Sum();
        for (var f = 0; f < fleets.Count; f++)
        {
            var fleet = fleets[f];
            var subnets = vpc.Subnets.Where(s => s.Tier == fleet.Tier).ToList();
            var group = Group(vpc, fleet.SecurityGroup);
            for (var k = 1; k <= counts[f]; k++)
            {
                var instance = Launch(new LaunchSpec(
                    $"{fleet.Name}-{k}",
                    subnets[(k - 1) % subnets.Count],
                    [group],
                    fleet.InstanceType,
                    fleet.Profile,
                    AutoScalingGroup: fleet.AutoScaled ? $"{fleet.Name}-asg" : null,
                    Windows: fleet.Windows,
                    HttpTokens: sprinkle && random.Chance(0.03) ? "optional" : "required",
                    RootSize: fleet.RootSize,
                    DataSize: fleet.DataSize,
                    DataKey: DataKeyArn,
                    Role: fleet.Role));
                if (fleet.TargetGroup is not null && targetGroups.TryGetValue(fleet.TargetGroup, out var target))
                {
                    var unhealthy = random.Chance(0.03);
                    target.Targets.Add(unhealthy
                        ? new TargetModel(instance.Id, target.Port, "unhealthy", "Target.FailedHealthChecks", "Health checks failed")
                        : new TargetModel(instance.Id, target.Port, "healthy"));
                }
            }
        }
    }

    /// <summary>The planted instances of docs/demo-environment.md, in the first production and development accounts.</summary>
    private List<LaunchSpec> Planted(VpcModel vpc)
    {
        var list = new List<LaunchSpec>();
        if (vpc.Skeleton.Kind != VpcKind.Workload || !(plantProduction || plantDevelopment))
        {
            return list;
        }

        var p = Account.Prefix;
        var publicSubnet = vpc.Subnets.First(s => s.Tier == SubnetTier.Public);
        var privateSubnet = vpc.Subnets.First(s => s.Tier == SubnetTier.Private);
        if (plantProduction)
        {
            list.Add(new LaunchSpec(BastionName, publicSubnet, [Group(vpc, OpenSshGroup)], "t3.micro", null, KeyName: "ops-bastion", ElasticIpName: "bastion-eip", Role: "bastion"));
            list.Add(new LaunchSpec(
                PublicDatabaseName, publicSubnet, [Group(vpc, OpenDatabaseGroup), Group(vpc, $"{p}-db")], "r6i.xlarge", $"{p}-db",
                KeyName: "ops-db", RootSize: 50, DataSize: 500, DataKey: DataKeyArn, PublicIp: true, Role: "db"));
            list.Add(new LaunchSpec(
                LegacyInstanceName, privateSubnet, [Group(vpc, $"{p}-worker")], "m5.large", $"{p}-worker",
                KeyName: "legacy-ops", HttpTokens: "optional", Role: "reporting"));
            ElasticIp("old-ftp-eip");
        }

        if (plantDevelopment)
        {
            list.Add(new LaunchSpec($"{p}-jump-win", publicSubnet, [Group(vpc, OpenRdpGroup)], "t3.large", null, Windows: true, KeyName: $"{p}-windows", RootSize: 100, PublicIp: true, Role: "jump-host"));
            list.Add(new LaunchSpec(
                $"{p}-ci-runner-1", privateSubnet, [Group(vpc, $"{p}-worker")], "c6i.2xlarge", $"{p}-worker",
                RootSize: 50, DataSize: 200, DataEncrypted: false, DataName: UnencryptedVolumeName, Role: "ci"));
            Orphan(privateSubnet.ZoneName, "old-build-cache", 100);
        }

        return list;
    }

    private InstanceModel Launch(LaunchSpec spec)
    {
        var n = instances++;
        var id = ids.Ec2("i", n);
        var launched = spec.AutoScalingGroup is null ? random.DaysBefore(Now, 60, 700) : random.DaysBefore(Now, 1, 45);
        var eni = Interface(spec.Subnet, "interface", spec.AutoScalingGroup is null ? "Primary network interface" : "", spec.Groups, null, false);
        eni.Attachment = new InterfaceAttachment(AttachmentId("eni-attach"), launched, 0, true, id, AccountId);
        if (spec.ElasticIpName is not null)
        {
            Associate(ElasticIp(spec.ElasticIpName), eni);
        }
        else if (spec.PublicIp)
        {
            eni.Public = AmazonPublicAddress();
        }

        var image = spec.Windows ? "windows-2022" : "al2023";
        var zone = spec.Subnet.ZoneName;
        var rootEncrypted = !(sprinkle && random.Chance(0.01));
        var disks = new List<VolumeModel>
        {
            new(
                ids.Ec2("vol", volumes++), zone, spec.RootSize, "gp3", 3000, 125, rootEncrypted, rootEncrypted ? EbsKeyArn : null,
                amazon.Ec2("snap", image, 0), launched, new VolumeAttachment(id, spec.Windows ? "/dev/sda1" : "/dev/xvda", launched, true),
                spec.AutoScalingGroup is null ? Tags(spec.Name) : []),
        };
        if (spec.DataSize is { } size)
        {
            disks.Add(new VolumeModel(
                ids.Ec2("vol", volumes++), zone, size, "gp3", 6000, 250, spec.DataEncrypted, spec.DataEncrypted ? spec.DataKey ?? EbsKeyArn : null,
                "", launched, new VolumeAttachment(id, "/dev/sdf", launched, false),
                Account.IsProduction ? Tags(spec.DataName ?? $"{spec.Name}-data", BackupTag) : Tags(spec.DataName ?? $"{spec.Name}-data")));
        }

        List<Tag> tags = [.. Tags(spec.Name, new Tag("role", spec.Role ?? "app"))];
        if (spec.AutoScalingGroup is not null)
        {
            tags.Add(new Tag("aws:autoscaling:groupName", spec.AutoScalingGroup));
            tags.Add(new Tag("aws:ec2launchtemplate:id", ids.Ec2("lt", "lt:" + spec.AutoScalingGroup, 0)));
            tags.Add(new Tag("aws:ec2launchtemplate:version", (3 + (int)(ids.Hash("lt-version:" + spec.AutoScalingGroup, 0) % 9)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var instance = new InstanceModel(
            id, ids.Ec2("r", n), spec.Name, eni, spec.InstanceType, amazon.Ec2("ami", image, 0), spec.Windows, spec.KeyName, launched,
            spec.Profile, spec.HttpTokens, spec.HttpTokens == "required" ? 2 : 1, disks, tags);
        model.Instances.Add(instance);
        model.Volumes.AddRange(disks);
        return instance;
    }

    /// <summary>
    /// The tag production data volumes carry for their lifecycle policy's TargetTags (ServicePostureDocuments): data
    /// is snapshotted daily; root volumes are rebuilt from their image and are not.
    /// </summary>
    internal static readonly Tag BackupTag = new("backup", "daily");

    /// <summary>A volume left behind by a terminated instance: available, attached to nothing.</summary>
    private void Orphan(string zone, string name, int size) =>
        model.Volumes.Add(new VolumeModel(
            ids.Ec2("vol", volumes++), zone, size, "gp2", size * 3, null, true, EbsKeyArn, "", random.DaysBefore(Now, 400, 900), null, Tags(name)));
}
