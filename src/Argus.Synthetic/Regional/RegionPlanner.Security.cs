using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>Security groups and network ACLs, including the planted open ports.</summary>
internal sealed partial class RegionPlanner
{
    /// <summary>Names of the planted groups, as docs/demo-environment.md lists them.</summary>
    public const string OpenSshGroup = "bastion-ssh";
    public const string OpenDatabaseGroup = "payments-db";
    public const string OpenRdpGroup = "rdp-admin";

    private const string Anywhere = "0.0.0.0/0";
    private const string AnywhereIpv6 = "::/0";

    private void SecurityGroups(VpcModel vpc, VpcSkeleton sk)
    {
        var ipv6 = sk.Ipv6Cidr;
        SecurityGroupModel Create(string name, string description)
        {
            var group = new SecurityGroupModel(sk.SecurityGroupId(name), name, description, vpc, name == "default" ? [] : Tags(name));
            if (name != "default")
            {
                AllowAllOutbound(group, ipv6);
            }

            model.SecurityGroups.Add(group);
            groups[$"{vpc.Id}/{name}"] = group;
            return group;
        }

        GroupPair Pair(SecurityGroupModel group, string? description = null) => new(group.Id, AccountId, description);

        // AWS creates the default group allowing all traffic from itself and all outbound; infrastructure as code
        // usually strips both. The demo's production VPC kept them, as do default VPCs and some larger-org VPCs.
        var byDefault = Create("default", "default VPC security group");
        if (sk.Kind == VpcKind.Default || (plantProduction && sk.Kind == VpcKind.Workload) || (sprinkle && random.Chance(0.3)))
        {
            byDefault.Ingress.Add(SecurityGroupRule.All().FromGroup(Pair(byDefault)));
            AllowAllOutbound(byDefault, ipv6);
        }

        var baseName = sk.ShortName;
        if (sk.InterfaceEndpoints.Count > 0)
        {
            var endpoints = Create($"{baseName}-endpoints", "HTTPS to interface endpoints from the VPC");
            var https = SecurityGroupRule.Tcp(443).From(vpc.Cidr, "from the VPC");
            if (ipv6 is not null)
            {
                https.From(ipv6, "from the VPC");
            }

            endpoints.Ingress.Add(https);
        }

        var p = Account.Prefix;
        switch (sk.Kind)
        {
            case VpcKind.Workload:
                var alb = sk.PublicLoadBalancer ? Create($"{p}-alb", $"{p} public load balancer") : null;
                alb?.Ingress.Add(SecurityGroupRule.Tcp(443).From(Anywhere, "HTTPS from the internet").From(AnywhereIpv6, "HTTPS from the internet"));
                alb?.Ingress.Add(SecurityGroupRule.Tcp(80).From(Anywhere, "redirected to HTTPS").From(AnywhereIpv6, "redirected to HTTPS"));
                var web = Create($"{p}-web", $"{p} web tier");
                web.Ingress.Add(alb is null
                    ? SecurityGroupRule.Tcp(8080).From(vpc.Cidr, "from the VPC")
                    : SecurityGroupRule.Tcp(8080).FromGroup(Pair(alb, "from the load balancer")));
                foreach (var peering in org.Peerings.Where(x => x.Involves(sk)))
                {
                    var peer = peering.PeerOf(sk);
                    if (peer.Kind == VpcKind.Security)
                    {
                        web.Ingress.Add(SecurityGroupRule.Tcp(8080).FromGroup(new GroupPair(
                            peer.SecurityGroupId("security-scanner"), peer.Account.Id, "security scanner", peer.Id, peering.Id)));
                    }
                }

                if (sprinkle && random.Chance(0.05))
                {
                    web.Ingress.Add(SecurityGroupRule.Tcp(22).From(Anywhere, "debug"));
                }

                var api = Create($"{p}-api", $"{p} API tier");
                api.Ingress.Add(SecurityGroupRule.Tcp(8443).From(vpc.Cidr, "load balancer and health checks").FromGroup(Pair(web)));
                api.Ingress.Add(SecurityGroupRule.Tcp(8443).FromPrefixList(CorporatePrefixListId, "corporate networks"));
                var worker = Create($"{p}-worker", $"{p} background workers");
                var db = Create($"{p}-db", $"{p} databases");
                db.Ingress.Add(SecurityGroupRule.Tcp(5432).FromGroup(Pair(web)).FromGroup(Pair(api)).FromGroup(Pair(worker)));
                if (plantProduction)
                {
                    Create(OpenSshGroup, "SSH to the bastion").Ingress.Add(SecurityGroupRule.Tcp(22).From(Anywhere, "ssh from anywhere"));
                    Create(OpenDatabaseGroup, "payments database").Ingress.Add(SecurityGroupRule.Tcp(5432).From(Anywhere, "temporary vendor access"));
                }

                if (plantDevelopment)
                {
                    Create(OpenRdpGroup, "remote desktop for the Windows jump host").Ingress.Add(
                        SecurityGroupRule.Tcp(3389).From(Anywhere, "remote desktop").From(AnywhereIpv6, "remote desktop"));
                }

                break;
            case VpcKind.Security:
                Create("security-scanner", "vulnerability scanners");
                var siem = Create("siem-collector", "log collectors");
                siem.Ingress.Add(SecurityGroupRule.Tcp(6514).From(OrganizationRange, "syslog over TLS"));
                siem.Ingress.Add(new SecurityGroupRule("udp", 514, 514).From(OrganizationRange, "syslog"));
                break;
            case VpcKind.SharedServices:
                var directory = Create("ad-dc", "Active Directory domain controllers");
                foreach (var port in new[] { 88, 389, 445, 636 })
                {
                    directory.Ingress.Add(SecurityGroupRule.Tcp(port).From(OrganizationRange).FromPrefixList(CorporatePrefixListId));
                }

                var dns = Create("dns-resolver", "DNS resolvers");
                dns.Ingress.Add(new SecurityGroupRule("udp", 53, 53).From(OrganizationRange));
                dns.Ingress.Add(SecurityGroupRule.Tcp(53).From(OrganizationRange));
                Create("ci-runner", "CI runners");
                break;
            case VpcKind.Sandbox:
                Create($"{p}-box", "sandbox machines").Ingress.Add(SecurityGroupRule.Tcp(22).FromPrefixList(CorporatePrefixListId, "from the office"));
                break;
        }
    }

    private static void AllowAllOutbound(SecurityGroupModel group, string? ipv6)
    {
        var rule = SecurityGroupRule.All().From(Anywhere);
        if (ipv6 is not null)
        {
            rule.From(AnywhereIpv6);
        }

        group.Egress.Add(rule);
    }

    /// <summary>
    /// The default ACL allows everything and covers every subnet but the data tier, whose own ACL admits the
    /// database port from the VPC and return traffic from the organization only.
    /// </summary>
    private void NetworkAcls(VpcModel vpc, VpcSkeleton sk, string baseName)
    {
        var ipv6 = sk.Ipv6Cidr is not null;
        var ordinal = sk.Index * 4;
        List<NetworkAclEntry> entries = [];
        foreach (var egress in new[] { true, false })
        {
            entries.Add(new(100, egress, "-1", "allow", Anywhere, null));
            if (ipv6)
            {
                entries.Add(new(101, egress, "-1", "allow", null, AnywhereIpv6));
            }

            entries.Add(new(32767, egress, "-1", "deny", Anywhere, null));
            if (ipv6)
            {
                entries.Add(new(32768, egress, "-1", "deny", null, AnywhereIpv6));
            }
        }

        var byDefault = new NetworkAclModel(ids.Ec2("acl", ordinal), vpc, true, entries, sk.Kind == VpcKind.Default ? [] : Tags($"{baseName}-default-nacl"));
        model.NetworkAcls.Add(byDefault);
        NetworkAclModel? data = null;
        if (sk.Has(SubnetTier.Data))
        {
            List<NetworkAclEntry> dataEntries =
            [
                new(100, true, "6", "allow", OrganizationRange, null, 1024, 65535),
                new(110, true, "6", "allow", Anywhere, null, 443, 443),
                new(32767, true, "-1", "deny", Anywhere, null),
                new(100, false, "6", "allow", vpc.Cidr, null, 5432, 5432),
                new(110, false, "6", "allow", Anywhere, null, 1024, 65535),
                new(32767, false, "-1", "deny", Anywhere, null),
            ];
            if (ipv6)
            {
                dataEntries.Insert(3, new(32768, true, "-1", "deny", null, AnywhereIpv6));
                dataEntries.Add(new(32768, false, "-1", "deny", null, AnywhereIpv6));
            }

            data = new NetworkAclModel(ids.Ec2("acl", ordinal + 1), vpc, false, dataEntries, Tags($"{baseName}-data-nacl"));
            model.NetworkAcls.Add(data);
        }

        foreach (var subnet in vpc.Subnets)
        {
            var acl = subnet.Tier == SubnetTier.Data && data is not null ? data : byDefault;
            acl.Associations.Add((ids.Ec2("aclassoc", "aclassoc:" + subnet.Id, 0), subnet.Id));
        }
    }
}
