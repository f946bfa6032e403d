using Argus.Synthetic.Determinism;

namespace Argus.Synthetic.Identity;

/// <summary>The AWS managed policies the organization attaches, with their documents as AWS publishes them.</summary>
internal static class AwsManagedPolicies
{
    private static readonly IdFactory Ids = new(0, "aws", "iam");

    public static IamPolicy AdministratorAccess { get; } = Create(
        "AdministratorAccess", "v1", new DateTimeOffset(2015, 2, 6, 18, 39, 46, TimeSpan.Zero), new DateTimeOffset(2015, 2, 6, 18, 39, 46, TimeSpan.Zero),
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    public static IamPolicy PowerUserAccess { get; } = Create(
        "PowerUserAccess", "v5", new DateTimeOffset(2015, 2, 6, 18, 39, 47, TimeSpan.Zero), new DateTimeOffset(2023, 7, 6, 22, 4, 19, TimeSpan.Zero),
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},{"Effect":"Allow","Action":["account:GetAccountInformation","account:GetPrimaryEmail","account:ListRegions","iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeOrganization"],"Resource":"*"}]}""");

    public static IamPolicy IamUserChangePassword { get; } = Create(
        "IAMUserChangePassword", "v2", new DateTimeOffset(2016, 11, 15, 0, 25, 16, TimeSpan.Zero), new DateTimeOffset(2016, 11, 15, 23, 18, 55, TimeSpan.Zero),
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ChangePassword"],"Resource":["arn:aws:iam::*:user/${aws:username}"]},{"Effect":"Allow","Action":["iam:GetAccountPasswordPolicy"],"Resource":"*"}]}""");

    public static IamPolicy SsmManagedInstanceCore { get; } = Create(
        "AmazonSSMManagedInstanceCore", "v2", new DateTimeOffset(2019, 3, 15, 17, 22, 12, TimeSpan.Zero), new DateTimeOffset(2019, 5, 23, 16, 54, 21, TimeSpan.Zero),
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:DescribeAssociation","ssm:GetDeployablePatchSnapshotForInstance","ssm:GetDocument","ssm:DescribeDocument","ssm:GetManifest","ssm:GetParameter","ssm:GetParameters","ssm:ListAssociations","ssm:ListInstanceAssociations","ssm:PutInventory","ssm:PutComplianceItems","ssm:PutConfigurePackageResult","ssm:UpdateAssociationStatus","ssm:UpdateInstanceAssociationStatus","ssm:UpdateInstanceInformation"],"Resource":"*"},{"Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel","ssmmessages:OpenControlChannel","ssmmessages:OpenDataChannel"],"Resource":"*"},{"Effect":"Allow","Action":["ec2messages:AcknowledgeMessage","ec2messages:DeleteMessage","ec2messages:FailMessage","ec2messages:GetEndpoint","ec2messages:GetMessages","ec2messages:SendReply"],"Resource":"*"}]}""");

    private static IamPolicy Create(string name, string version, DateTimeOffset created, DateTimeOffset updated, string document) =>
        new(name, Ids.Iam("ANPA", name), $"arn:aws:iam::aws:policy/{name}", "/", true, document, version, created, updated);
}
