using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;

namespace Argus.Posture.Tests;

public sealed class NetworkingCheckTests
{
    private const string Groups = """
        {"SecurityGroups":[
          {"GroupId":"sg-ssh","GroupName":"bastion","VpcId":"vpc-1","OwnerId":"111111111111","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]}],"IpPermissionsEgress":[]},
          {"GroupId":"sg-rdp6","GroupName":"rdp","VpcId":"vpc-1","OwnerId":"111111111111","IpPermissions":[{"IpProtocol":"tcp","FromPort":3000,"ToPort":4000,"IpRanges":[],"Ipv6Ranges":[{"CidrIpv6":"::/0"}],"PrefixListIds":[],"UserIdGroupPairs":[]}],"IpPermissionsEgress":[]},
          {"GroupId":"sg-all","GroupName":"wide","VpcId":"vpc-1","OwnerId":"111111111111","IpPermissions":[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]}],"IpPermissionsEgress":[]},
          {"GroupId":"sg-web","GroupName":"web","VpcId":"vpc-1","OwnerId":"111111111111","IpPermissions":[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[{"CidrIpv6":"::/0"}],"PrefixListIds":[],"UserIdGroupPairs":[]},{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"10.0.0.0/8"}],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]}],"IpPermissionsEgress":[]},
          {"GroupId":"sg-def","GroupName":"default","VpcId":"vpc-1","OwnerId":"111111111111","IpPermissions":[{"IpProtocol":"-1","IpRanges":[],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[{"GroupId":"sg-def","UserId":"111111111111"}]}],"IpPermissionsEgress":[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]}]},
          {"GroupId":"sg-def2","GroupName":"default","VpcId":"vpc-2","OwnerId":"111111111111","IpPermissions":[],"IpPermissionsEgress":[]}]}
        """;

    private static CheckResult For(IReadOnlyList<CheckResult> results, string group) => results.Single(r => r.ResourceId.EndsWith("/" + group));

    [Fact]
    public void Admin_ports_open_to_the_ipv4_internet()
    {
        var results = new Fixture().With(AwsOperations.DescribeSecurityGroups, Groups).Run("aws.ec2.sg-admin-ports-ipv4");
        Assert.Equal(FindingStatus.Fail, For(results, "sg-ssh").Status);
        Assert.Equal(FindingStatus.Fail, For(results, "sg-all").Status);
        Assert.Equal(FindingStatus.Pass, For(results, "sg-web").Status);
        Assert.Equal(FindingStatus.Pass, For(results, "sg-rdp6").Status);
    }

    [Fact]
    public void Admin_ports_open_to_the_ipv6_internet_include_port_ranges()
    {
        var results = new Fixture().With(AwsOperations.DescribeSecurityGroups, Groups).Run("aws.ec2.sg-admin-ports-ipv6");
        Assert.Equal(FindingStatus.Fail, For(results, "sg-rdp6").Status);
        Assert.Equal(FindingStatus.Pass, For(results, "sg-ssh").Status);
    }

    [Fact]
    public void Cifs_open_to_either_family_fails()
    {
        var results = new Fixture().With(AwsOperations.DescribeSecurityGroups, Groups).Run("aws.ec2.sg-cifs");
        Assert.Equal(FindingStatus.Fail, For(results, "sg-all").Status);
        Assert.Equal(FindingStatus.Pass, For(results, "sg-web").Status);
    }

    [Fact]
    public void Default_groups_must_be_empty()
    {
        var results = new Fixture().With(AwsOperations.DescribeSecurityGroups, Groups).Run("aws.ec2.default-sg-restricts-all");
        Assert.Equal(2, results.Count);
        Assert.Equal(FindingStatus.Fail, For(results, "sg-def").Status);
        Assert.Equal(FindingStatus.Pass, For(results, "sg-def2").Status);
    }

    [Fact]
    public void Nacl_entries_are_read_in_rule_order()
    {
        var results = new Fixture().With(AwsOperations.DescribeNetworkAcls, """
            {"NetworkAcls":[
              {"NetworkAclId":"acl-default","VpcId":"vpc-1","IsDefault":true,"Entries":[
                {"RuleNumber":100,"Protocol":"-1","RuleAction":"allow","Egress":false,"CidrBlock":"0.0.0.0/0"},
                {"RuleNumber":32767,"Protocol":"-1","RuleAction":"deny","Egress":false,"CidrBlock":"0.0.0.0/0"}]},
              {"NetworkAclId":"acl-guarded","VpcId":"vpc-1","IsDefault":false,"Entries":[
                {"RuleNumber":50,"Protocol":"6","RuleAction":"deny","Egress":false,"CidrBlock":"0.0.0.0/0","PortRange":{"From":22,"To":22}},
                {"RuleNumber":60,"Protocol":"6","RuleAction":"deny","Egress":false,"CidrBlock":"0.0.0.0/0","PortRange":{"From":3389,"To":3389}},
                {"RuleNumber":70,"Protocol":"6","RuleAction":"deny","Egress":false,"Ipv6CidrBlock":"::/0","PortRange":{"From":0,"To":65535}},
                {"RuleNumber":100,"Protocol":"-1","RuleAction":"allow","Egress":false,"CidrBlock":"0.0.0.0/0"},
                {"RuleNumber":100,"Protocol":"-1","RuleAction":"allow","Egress":true,"CidrBlock":"0.0.0.0/0"}]},
              {"NetworkAclId":"acl-v6","VpcId":"vpc-1","IsDefault":false,"Entries":[
                {"RuleNumber":10,"Protocol":"6","RuleAction":"allow","Egress":false,"Ipv6CidrBlock":"::/0","PortRange":{"From":3389,"To":3389}}]}]}
            """).Run("aws.ec2.nacl-admin-ports");
        Assert.Equal(FindingStatus.Fail, For(results, "acl-default").Status);
        Assert.Equal(FindingStatus.Pass, For(results, "acl-guarded").Status);
        Assert.Equal(FindingStatus.Fail, For(results, "acl-v6").Status);
    }

    [Fact]
    public void Imdsv2_must_be_required()
    {
        var results = new Fixture().With(AwsOperations.DescribeInstances, """
            {"Reservations":[{"ReservationId":"r-1","Instances":[
              {"InstanceId":"i-v2","State":{"Name":"running"},"MetadataOptions":{"State":"applied","HttpTokens":"required","HttpEndpoint":"enabled"}},
              {"InstanceId":"i-v1","State":{"Name":"running"},"MetadataOptions":{"State":"applied","HttpTokens":"optional","HttpEndpoint":"enabled"}},
              {"InstanceId":"i-off","State":{"Name":"stopped"},"MetadataOptions":{"State":"applied","HttpTokens":"optional","HttpEndpoint":"disabled"}}]}]}
            """).Run("aws.ec2.imdsv2");
        Assert.Equal(FindingStatus.Pass, For(results, "i-v2").Status);
        Assert.Equal(FindingStatus.Fail, For(results, "i-v1").Status);
        Assert.Equal(FindingStatus.Pass, For(results, "i-off").Status);
    }

    [Fact]
    public void Peering_routes_are_manual_with_the_routes_as_evidence()
    {
        var result = new Fixture()
            .With(AwsOperations.DescribeVpcPeeringConnections, """{"VpcPeeringConnections":[{"VpcPeeringConnectionId":"pcx-1","RequesterVpcInfo":{"CidrBlock":"10.0.0.0/16","VpcId":"vpc-1"},"AccepterVpcInfo":{"CidrBlock":"10.1.0.0/16","VpcId":"vpc-2"},"Status":{"Code":"active"}}]}""")
            .With(AwsOperations.DescribeRouteTables, """{"RouteTables":[{"RouteTableId":"rtb-1","VpcId":"vpc-1","Routes":[{"DestinationCidrBlock":"10.1.0.0/16","VpcPeeringConnectionId":"pcx-1","State":"active"}],"Associations":[]}]}""")
            .Single("aws.ec2.peering-least-access");
        Assert.Equal(FindingStatus.Manual, result.Status);
        Assert.Contains("10.1.0.0/16", result.Evidence);
    }

    [Fact]
    public void Organization_checks_run_in_the_management_account_only()
    {
        const string org = """{"Organization":{"Id":"o-abc","Arn":"arn:aws:organizations::111111111111:organization/o-abc","MasterAccountId":"111111111111","FeatureSet":"ALL"}}""";
        var fixture = new Fixture()
            .With(AwsOperations.DescribeOrganization, org)
            .With(AwsOperations.DescribeOrganization, org, account: "222222222222")
            .With(AwsOperations.ListServiceControlPolicies, """{"Policies":[{"Id":"p-FullAWSAccess","Name":"FullAWSAccess","Type":"SERVICE_CONTROL_POLICY","AwsManaged":true}]}""")
            .With(AwsOperations.ListDelegatedAdministrators, """{"DelegatedAdministrators":[{"Id":"333333333333","Name":"security","Status":"ACTIVE"}]}""");
        Assert.Equal(FindingStatus.Fail, fixture.Single("aws.organizations.scp-guardrails").Status);
        Assert.Equal(FindingStatus.Pass, fixture.Single("aws.organizations.delegated-admin").Status);

        var guarded = new Fixture().With(AwsOperations.DescribeOrganization, org)
            .With(AwsOperations.ListServiceControlPolicies, """{"Policies":[{"Id":"p-FullAWSAccess","Name":"FullAWSAccess","AwsManaged":true},{"Id":"p-1","Name":"deny-leave","AwsManaged":false}]}""");
        Assert.Equal(FindingStatus.Manual, guarded.Single("aws.organizations.scp-guardrails").Status);
    }

    [Fact]
    public void Security_contact_is_read_from_the_alternate_contact()
    {
        var registered = new Fixture().With(AwsOperations.GetAlternateContact, """{"AlternateContact":{"AlternateContactType":"SECURITY","EmailAddress":"sec@example.com","Name":"Security","PhoneNumber":"+1-555-0100","Title":"CISO"}}""");
        Assert.Equal(FindingStatus.Pass, registered.Single("aws.account.security-contact").Status);
        Assert.DoesNotContain("sec@example.com", registered.Single("aws.account.security-contact").Evidence);
        var missing = new Fixture().Collected().Single("aws.account.security-contact");
        Assert.Equal(FindingStatus.Error, missing.Status);
        Assert.Contains("account:GetAlternateContact", missing.Message);
    }
}
