using Argus.Synthetic.Addressing;
using Argus.Synthetic.Catalog;
using Argus.Synthetic.Determinism;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>
/// Generates one account and region in full from its skeleton: the VPC plumbing first (its interfaces are
/// fixed by the skeleton), then the fleets that fill the rest of the interface budget, then the planted
/// mistakes where the plan puts them.
/// </summary>
internal sealed partial class RegionPlanner
{
    private readonly OrgPlan org;
    private readonly RegionSkeleton skeleton;
    private readonly RegionModel model;
    private readonly IdFactory ids;
    private readonly IdFactory amazon;
    private readonly SeededRandom random;
    private readonly PublicAddresses publicAddresses;
    private readonly Dictionary<string, SecurityGroupModel> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TargetGroupModel> targetGroups = new(StringComparer.Ordinal);

    /// <summary>This is where the production mistakes of docs/demo-environment.md go.</summary>
    private readonly bool plantProduction;

    /// <summary>This is where the development mistakes go.</summary>
    private readonly bool plantDevelopment;

    /// <summary>Organizations larger than the demo also get a sprinkling of random mistakes.</summary>
    private readonly bool sprinkle;

    private int interfaces;
    private int instances;
    private int volumes;
    private int elasticIps;
    private int attachments;

    private RegionPlanner(OrgPlan org, RegionSkeleton skeleton)
    {
        this.org = org;
        this.skeleton = skeleton;
        ids = skeleton.Ids;
        amazon = new IdFactory(org.Seed, "amazon", skeleton.Region.Name);
        random = org.Random(skeleton.Account, skeleton.Region.Name, "region");
        publicAddresses = new PublicAddresses(skeleton.Region.PublicPool, skeleton.Account.Index);
        model = new RegionModel(org, skeleton, Zones(org, skeleton));
        plantProduction = skeleton.RegionIndex == 0 && skeleton.Account == org.FirstProduction;
        plantDevelopment = skeleton.RegionIndex == 0 && skeleton.Account == org.FirstDevelopment;
        sprinkle = org.Preset.Accounts > 5;
    }

    private AccountPlan Account => skeleton.Account;

    private string AccountId => skeleton.Account.Id;

    private AwsRegion Region => skeleton.Region;

    private DateTimeOffset Now => org.Now;

    public static RegionModel Build(OrgPlan org, RegionSkeleton skeleton) => new RegionPlanner(org, skeleton).Run();

    private RegionModel Run()
    {
        PrefixLists();
        foreach (var vpc in skeleton.Vpcs)
        {
            Network(vpc);
        }

        var host = model.Vpcs.FirstOrDefault(v => v.Skeleton.HostsInstances);
        if (host is not null)
        {
            Fleets(host);
        }
        else if (skeleton.Instances > 0)
        {
            throw new InvalidOperationException($"{Account} {Region.Name}: {skeleton.Instances} instances planned but no VPC to run them in");
        }

        if (model.Interfaces.Count != skeleton.NetworkInterfaces)
        {
            throw new InvalidOperationException($"{Account} {Region.Name}: generated {model.Interfaces.Count} network interfaces, the plan has {skeleton.NetworkInterfaces}");
        }

        return model;
    }

    /// <summary>Zone names map to zone ids differently in every account; AWS shuffles them per account.</summary>
    private static List<(string Name, string Id)> Zones(OrgPlan org, RegionSkeleton skeleton)
    {
        var region = skeleton.Region;
        var order = Enumerable.Range(1, region.ZoneCount).ToArray();
        var shuffle = org.Random(skeleton.Account, region.Name, "zones");
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = shuffle.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order.Select((number, i) => (region.ZoneName(i), $"{region.ZoneIdPrefix}-az{number}")).ToList();
    }

    /// <summary>The tags every resource of the account carries, and its Name.</summary>
    private Tag[] Tags(string name, params Tag[] extra)
    {
        var environment = Account.Environment.Length > 0 ? Account.Environment : "shared";
        return [new Tag("Name", name), new Tag("environment", environment), new Tag("team", Account.Team), new Tag("managed-by", "terraform"), .. extra];
    }

    private static string Letter(int zone) => ((char)('a' + zone)).ToString();

    private string AttachmentId(string prefix) => ids.Ec2(prefix, "attachment", attachments++);

    private string PublicDnsName(string ip) => $"ec2-{ip.Replace('.', '-')}.{Region.PublicDomain}";

    private string Mac(int ordinal)
    {
        var h = ids.Hash("mac", ordinal);
        return $"06:{(byte)h:x2}:{(byte)(h >> 8):x2}:{(byte)(h >> 16):x2}:{(byte)(h >> 24):x2}:{(byte)(h >> 32):x2}";
    }

    private NetworkInterfaceModel Interface(SubnetModel subnet, string type, string description, IReadOnlyList<SecurityGroupModel> securityGroups, string? requester, bool managed, bool sourceDestCheck = true)
    {
        var n = interfaces++;
        var eni = new NetworkInterfaceModel(
            ids.Ec2("eni", n), subnet, Ipv4.Format(subnet.Addresses.Next()), Mac(n), type, description, securityGroups, requester, managed, sourceDestCheck, []);
        model.Interfaces.Add(eni);
        return eni;
    }

    private ElasticIpModel ElasticIp(string name)
    {
        var eip = new ElasticIpModel(ids.Ec2("eipalloc", elasticIps++), Ipv4.Format(publicAddresses.Next()), Tags(name));
        model.Addresses.Add(eip);
        return eip;
    }

    private void Associate(ElasticIpModel eip, NetworkInterfaceModel eni)
    {
        eip.Interface = eni;
        eip.AssociationId = ids.Ec2("eipassoc", elasticIps);
        eni.Public = new PublicAddress(eip.PublicIp, PublicDnsName(eip.PublicIp), AccountId, eip.AllocationId, eip.AssociationId);
    }

    private PublicAddress AmazonPublicAddress(string owner = "amazon")
    {
        var ip = Ipv4.Format(publicAddresses.Next());
        return new PublicAddress(ip, PublicDnsName(ip), owner);
    }

    private SecurityGroupModel Group(VpcModel vpc, string name) => groups[$"{vpc.Id}/{name}"];

    private string EbsKeyArn => $"arn:aws:kms:{Region.Name}:{AccountId}:key/{ids.Uuid("kms-ebs", 0)}";

    private string DataKeyArn => $"arn:aws:kms:{Region.Name}:{AccountId}:key/{ids.Uuid("kms-data", 0)}";
}
