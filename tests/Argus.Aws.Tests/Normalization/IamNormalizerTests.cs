using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Aws.Operations;
using Argus.Core.Model;
using static Argus.Aws.Tests.Normalization.SampleDocuments;

namespace Argus.Aws.Tests.Normalization;

public sealed class IamNormalizerTests
{
    private const string Alice = IamPrefix + "user/alice";
    private const string Admins = IamPrefix + "group/ops/admins";
    private const string Web = IamPrefix + "role/web";
    private const string Profile = IamPrefix + "instance-profile/web-profile";
    private const string AppRead = IamPrefix + "policy/app-read";

    [Fact]
    public void Authorization_details_become_principals_policies_and_profiles()
    {
        var n = Normalized.Of(Regions.Global, Iam());

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal([Alice, IamPrefix + "user/bob"], n.Ids(AwsAssetTypes.IamUser));
        Assert.Equal([Admins], n.Ids(AwsAssetTypes.IamGroup));
        Assert.Equal([Web], n.Ids(AwsAssetTypes.IamRole));
        Assert.Equal([AppRead], n.Ids(AwsAssetTypes.IamPolicy));
        Assert.Equal([Profile], n.Ids(AwsAssetTypes.IamInstanceProfile));
        Assert.All(n.Assets.Where(a => a.Type.StartsWith("aws.iam.", StringComparison.Ordinal)), a => Assert.Equal((Regions.Global, "111111111111"), (a.Region, a.Account)));
    }

    [Fact]
    public void Memberships_attachments_and_profile_roles_are_related()
    {
        var n = Normalized.Of(Regions.Global, Iam());

        // The group's ARN has its path, which only the group's own entry gives.
        Assert.Equal([Admins], n.Targets(Alice, RelationKinds.MemberOf));
        n.AssertRelation("arn:aws:iam::aws:policy/ReadOnlyAccess", RelationKinds.AttachedTo, Alice);
        n.AssertRelation("arn:aws:iam::aws:policy/AdministratorAccess", RelationKinds.AttachedTo, Admins);
        n.AssertRelation(AppRead, RelationKinds.AttachedTo, Web);
        Assert.Equal([Web], n.Targets(Profile, RelationKinds.Uses));
    }

    [Fact]
    public void Users_get_their_tags_and_access_key_metadata()
    {
        var n = Normalized.Of(Regions.Global, Iam());
        var alice = n.Asset(Alice);

        Assert.Equal("alice", alice.Name);
        Assert.Equal("security", alice.Tags["team"]);
        using var properties = JsonDocument.Parse(alice.Properties);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", properties.RootElement.GetProperty("AccessKeyMetadata")[0].GetProperty("AccessKeyId").GetString());
        Assert.Equal("admins", properties.RootElement.GetProperty("GroupList")[0].GetString());
        Assert.DoesNotContain("AccessKeyMetadata", n.Asset(IamPrefix + "user/bob").Properties, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_leads_to_its_role_through_the_profile_across_groups()
    {
        var regional = Normalized.Of("eu-west-1", Normalized.Doc(AwsOperations.DescribeInstances, $$"""
            {"Reservations": [{"OwnerId": "111111111111", "ReservationId": "r-0a", "Groups": [], "Instances": [
              {"InstanceId": "i-0web", "SubnetId": "subnet-0a", "VpcId": "vpc-0a", "State": {"Code": 16, "Name": "running"},
               "IamInstanceProfile": {"Arn": "{{Profile}}", "Id": "AIPAEXAMPLEWEB"}, "SecurityGroups": [], "Tags": []}]}]}
            """, region: "eu-west-1"));
        var global = Normalized.Of(Regions.Global, Iam());
        var instance = "arn:aws:ec2:eu-west-1:111111111111:instance/i-0web";

        Assert.Equal([Profile], regional.Targets(instance, RelationKinds.Uses));
        Assert.Equal([Web], global.Targets(Profile, RelationKinds.Uses));
    }

    [Fact]
    public void List_answers_alone_still_describe_every_principal()
    {
        var n = Normalized.Of(Regions.Global, Iam().Where(d => d.Operation != AwsOperations.GetAccountAuthorizationDetails.Operation).ToArray());

        Assert.Equal([Alice, IamPrefix + "user/bob"], n.Ids(AwsAssetTypes.IamUser));
        Assert.Equal([Profile], n.Ids(AwsAssetTypes.IamInstanceProfile));
        Assert.Equal([Web], n.Targets(Profile, RelationKinds.Uses));
        Assert.DoesNotContain(n.Relations, r => r.Kind == RelationKinds.MemberOf);
    }
}
