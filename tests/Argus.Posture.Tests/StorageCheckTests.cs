using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;

namespace Argus.Posture.Tests;

public sealed class StorageCheckTests
{
    private const string Buckets = """{"Buckets":[{"Name":"open","CreationDate":"2024-01-01T00:00:00+00:00"},{"Name":"closed","CreationDate":"2024-01-01T00:00:00+00:00"}],"Owner":{"ID":"abc"}}""";

    private const string DenyHttp = """{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyHttp\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::closed\",\"arn:aws:s3:::closed/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"}""";

    private const string PublicRead = """{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Public\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::open/*\"}]}"}""";

    private static Fixture Two() => new Fixture()
        .With(AwsOperations.ListBuckets, Buckets)
        .With(AwsOperations.GetBucketLocation, """{"LocationConstraint":"eu-west-1"}""", "open")
        .With(AwsOperations.GetBucketLocation, """{"LocationConstraint":null}""", "closed");

    [Fact]
    public void Deny_http_needs_a_deny_on_insecure_transport_and_a_missing_policy_fails()
    {
        var results = Two().With(AwsOperations.GetBucketPolicy, DenyHttp, "closed").Run("aws.s3.deny-http");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId == "arn:aws:s3:::closed").Status);
        var open = results.Single(r => r.ResourceId == "arn:aws:s3:::open");
        Assert.Equal(FindingStatus.Fail, open.Status);
        Assert.Equal("eu-west-1", open.Region);
        Assert.Equal("us-east-1", results.Single(r => r.ResourceId == "arn:aws:s3:::closed").Region);
    }

    [Fact]
    public void Public_bucket_policy_and_block_public_access()
    {
        var fixture = Two()
            .With(AwsOperations.GetBucketPolicy, PublicRead, "open")
            .With(AwsOperations.GetPublicAccessBlock, """{"PublicAccessBlockConfiguration":{"BlockPublicAcls":false,"IgnorePublicAcls":false,"BlockPublicPolicy":false,"RestrictPublicBuckets":false}}""", "open")
            .With(AwsOperations.GetPublicAccessBlock, """{"PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}}""", "closed");
        var policy = fixture.Run("aws.s3.public-bucket-policy");
        Assert.Equal(FindingStatus.Fail, policy.Single(r => r.ResourceId.EndsWith(":open")).Status);
        Assert.Equal(FindingStatus.Pass, policy.Single(r => r.ResourceId.EndsWith(":closed")).Status);
        var block = fixture.Run("aws.s3.block-public-access");
        Assert.Equal(FindingStatus.Fail, block.Single(r => r.ResourceId.EndsWith(":open")).Status);
        Assert.Equal(FindingStatus.Pass, block.Single(r => r.ResourceId.EndsWith(":closed")).Status);
    }

    [Fact]
    public void Account_level_block_public_access_covers_every_bucket()
    {
        var results = Two().With(AwsOperations.GetAccountPublicAccessBlock, """{"PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}}""")
            .Run("aws.s3.block-public-access");
        Assert.All(results, r => Assert.Equal(FindingStatus.Pass, r.Status));
    }

    [Fact]
    public void A_bucket_nothing_was_collected_for_is_an_error_not_a_failure()
    {
        var result = new Fixture().With(AwsOperations.ListBuckets, """{"Buckets":[{"Name":"ghost","CreationDate":"2024-01-01T00:00:00+00:00"}]}""").Single("aws.s3.deny-http");
        Assert.Equal(FindingStatus.Error, result.Status);
        Assert.Contains("s3:GetBucketPolicy", result.Message);
    }

    [Fact]
    public void Mfa_delete_reads_versioning()
    {
        var results = Two()
            .With(AwsOperations.GetBucketVersioning, """{"Status":"Enabled","MFADelete":"Enabled"}""", "closed")
            .Run("aws.s3.mfa-delete");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith(":closed")).Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith(":open")).Status);
    }

    [Fact]
    public void Ebs_default_and_volume_encryption()
    {
        var fixture = new Fixture()
            .With(AwsOperations.GetEbsEncryptionByDefault, """{"EbsEncryptionByDefault":true,"SseType":"sse-ebs"}""")
            .With(AwsOperations.GetEbsEncryptionByDefault, """{"EbsEncryptionByDefault":false}""", region: "us-east-1")
            .With(AwsOperations.DescribeVolumes, """{"Volumes":[{"VolumeId":"vol-1","Encrypted":true,"KmsKeyId":"arn:aws:kms:eu-west-1:111111111111:key/k","Attachments":[]},{"VolumeId":"vol-2","Encrypted":false,"Attachments":[{"InstanceId":"i-1","State":"attached"}],"Tags":[{"Key":"Name","Value":"scratch"}]}]}""");
        var defaults = fixture.Run("aws.ec2.ebs-default-encryption");
        Assert.Equal(FindingStatus.Pass, defaults.Single(r => r.Region == "eu-west-1").Status);
        Assert.Equal(FindingStatus.Fail, defaults.Single(r => r.Region == "us-east-1").Status);
        var volumes = fixture.Run("aws.ec2.volume-encrypted");
        Assert.Equal(FindingStatus.Fail, volumes.Single(r => r.ResourceId.EndsWith("vol-2")).Status);
        Assert.Contains("scratch", volumes.Single(r => r.ResourceId.EndsWith("vol-2")).Message);
        Assert.Equal(FindingStatus.Error, volumes.Single(r => r.Region == "us-east-1").Status);
    }

    [Fact]
    public void Rds_instance_checks()
    {
        var fixture = new Fixture().With(AwsOperations.DescribeDBInstances, """
            {"DBInstances":[
              {"DBInstanceIdentifier":"good","DBInstanceArn":"arn:aws:rds:eu-west-1:111111111111:db:good","StorageEncrypted":true,"AutoMinorVersionUpgrade":true,"PubliclyAccessible":false,"MultiAZ":true,"TagList":[]},
              {"DBInstanceIdentifier":"bad","DBInstanceArn":"arn:aws:rds:eu-west-1:111111111111:db:bad","StorageEncrypted":false,"AutoMinorVersionUpgrade":false,"PubliclyAccessible":true,"MultiAZ":false,"Endpoint":{"Address":"bad.x.eu-west-1.rds.amazonaws.com","Port":5432},"TagList":[{"Key":"env","Value":"dev"}]}]}
            """);
        foreach (var id in new[] { "aws.rds.storage-encrypted", "aws.rds.auto-minor-upgrade", "aws.rds.public-access", "aws.rds.multi-az" })
        {
            var results = fixture.Run(id);
            Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith(":good")).Status);
            Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith(":bad")).Status);
        }
    }

    [Fact]
    public void Efs_encryption()
    {
        var results = new Fixture().With(AwsOperations.DescribeFileSystems, """{"FileSystems":[{"FileSystemId":"fs-1","FileSystemArn":"arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-1","Encrypted":true},{"FileSystemId":"fs-2","Encrypted":false,"Tags":[]}]}""")
            .Run("aws.efs.encrypted");
        Assert.Equal(FindingStatus.Pass, results.Single(r => r.ResourceId.EndsWith("fs-1")).Status);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith("fs-2")).Status);
    }
}
