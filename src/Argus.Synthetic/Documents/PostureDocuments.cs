using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Regional;
using Argus.Synthetic.Storage;

namespace Argus.Synthetic.Documents;

/// <summary>
/// The posture services of one region: EBS default encryption, the account's multi-region CloudTrail trail (read
/// in its home region, the organization's first), one customer-managed KMS key, an AWS Config recorder, and the
/// empty log group, metric filter, alarm, topic, and database lists of an account that has set none up (file systems: ServicePostureDocuments);
/// Security Hub enabled everywhere, an account analyzer in the home region. Written as a collection
/// stores them: the trail's status and selectors once, in its home region; a rotation status for the customer key.
/// </summary>
internal static class PostureDocuments
{
    public static IEnumerable<RawDocument> All(DocumentWriter d, RegionModel m)
    {
        var id = m.Account.Id;
        var region = m.Region;
        var home = m.Org.Regions[0].Name;
        var trailArn = $"arn:aws:cloudtrail:{home}:{id}:trail/{m.Account.Name}-trail";
        // Every account's trail delivers to the central CloudTrail bucket in the log archive account, whose policy
        // admits the organization's trails; a bucket of the account's own would exist nowhere in the snapshot.
        var bucket = BucketPlanner.Name(m.Org, m.Org.LogArchive, "cloudtrail");

        var w = d.Start();
        w.WriteBoolean("EbsEncryptionByDefault"u8, m.Skeleton.RegionIndex == 0);
        w.WriteString("SseType"u8, "sse-ebs");
        yield return d.Finish(id, region, AwsOperations.GetEbsEncryptionByDefault);

        yield return d.List(id, region, AwsOperations.DescribeTrails, [trailArn], (t, arn) =>
        {
            t.WriteString("Name"u8, arn[(arn.LastIndexOf('/') + 1)..]);
            t.WriteString("S3BucketName"u8, bucket);
            t.WriteBoolean("IncludeGlobalServiceEvents"u8, true);
            t.WriteBoolean("IsMultiRegionTrail"u8, true);
            t.WriteString("HomeRegion"u8, home);
            t.WriteString("TrailARN"u8, arn);
            t.WriteBoolean("LogFileValidationEnabled"u8, true);
            t.WriteBoolean("HasCustomEventSelectors"u8, false);
            t.WriteBoolean("HasInsightSelectors"u8, false);
            t.WriteBoolean("IsOrganizationTrail"u8, false);
        });
        if (region == home)
        {
            w = d.Start();
            w.WriteBoolean("IsLogging"u8, true);
            yield return d.Finish(id, region, AwsOperations.GetTrailStatus, trailArn);

            w = d.Start();
            w.WriteString("TrailARN"u8, trailArn);
            w.WriteStartArray("EventSelectors"u8);
            w.WriteStartObject();
            w.WriteString("ReadWriteType"u8, "All");
            w.WriteBoolean("IncludeManagementEvents"u8, true);
            w.WriteEmptyArray("DataResources"u8);
            w.WriteEmptyArray("ExcludeManagementEventSources"u8);
            w.WriteEndObject();
            w.WriteEndArray();
            yield return d.Finish(id, region, AwsOperations.GetEventSelectors, trailArn);
        }

        var key = m.Org.Ids(m.Account, region).Uuid("kms-key", 0);
        var keyArn = $"arn:aws:kms:{region}:{id}:key/{key}";
        yield return d.List(id, region, AwsOperations.ListKeys, [key], (k, keyId) =>
        {
            k.WriteString("KeyId"u8, keyId);
            k.WriteString("KeyArn"u8, keyArn);
        });

        w = d.Start();
        w.WriteStartObject("KeyMetadata"u8);
        w.WriteString("AWSAccountId"u8, id);
        w.WriteString("KeyId"u8, key);
        w.WriteString("Arn"u8, keyArn);
        w.WriteBoolean("Enabled"u8, true);
        w.WriteString("Description"u8, "application data");
        w.WriteString("KeyUsage"u8, "ENCRYPT_DECRYPT");
        w.WriteString("KeyState"u8, "Enabled");
        w.WriteString("Origin"u8, "AWS_KMS");
        w.WriteString("KeyManager"u8, "CUSTOMER");
        w.WriteString("CustomerMasterKeySpec"u8, "SYMMETRIC_DEFAULT");
        w.WriteString("KeySpec"u8, "SYMMETRIC_DEFAULT");
        w.WriteStrings("EncryptionAlgorithms"u8, ["SYMMETRIC_DEFAULT"]);
        w.WriteBoolean("MultiRegion"u8, false);
        w.WriteEndObject();
        yield return d.Finish(id, region, AwsOperations.DescribeKey, key);

        w = d.Start();
        w.WriteBoolean("KeyRotationEnabled"u8, m.Skeleton.RegionIndex == 0);
        w.WriteString("KeyId"u8, keyArn);
        yield return d.Finish(id, region, AwsOperations.GetKeyRotationStatus, key);

        w = d.Start();
        w.WriteString("Policy"u8,
            $$"""{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{id}}:root"},"Action":"kms:*","Resource":"*"}]}""");
        w.WriteString("PolicyName"u8, "default");
        yield return d.Finish(id, region, AwsOperations.GetKeyPolicy, key);

        yield return d.List(id, region, AwsOperations.DescribeConfigurationRecorders, ["default"], (r, name) =>
        {
            r.WriteString("name"u8, name);
            r.WriteString("roleARN"u8, $"arn:aws:iam::{id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
            r.WriteStartObject("recordingGroup"u8);
            r.WriteBoolean("allSupported"u8, true);
            r.WriteBoolean("includeGlobalResourceTypes"u8, region == home);
            r.WriteEndObject();
        });
        yield return d.List(id, region, AwsOperations.DescribeConfigurationRecorderStatus, ["default"], (s, name) =>
        {
            s.WriteString("name"u8, name);
            s.WriteBoolean("recording"u8, true);
            s.WriteString("lastStatus"u8, "SUCCESS");
        });
        yield return d.List(id, region, AwsOperations.DescribeDeliveryChannels, ["default"], (c, name) =>
        {
            c.WriteString("name"u8, name);
            c.WriteString("s3BucketName"u8, bucket);
        });

        yield return d.List(id, region, AwsOperations.DescribeLogGroups, Array.Empty<string>(), (_, _) => { });
        yield return d.List(id, region, AwsOperations.DescribeMetricFilters, Array.Empty<string>(), (_, _) => { });
        yield return d.List(id, region, AwsOperations.ListTopics, Array.Empty<string>(), (_, _) => { });
        yield return d.List(id, region, AwsOperations.ListSubscriptions, Array.Empty<string>(), (_, _) => { });
        yield return d.List(id, region, AwsOperations.DescribeDBInstances, Array.Empty<string>(), (_, _) => { });

        w = d.Start();
        w.WriteString("HubArn"u8, $"arn:aws:securityhub:{region}:{id}:hub/default");
        w.WriteString("SubscribedAt"u8, "2024-01-15T09:30:00.000Z");
        w.WriteBoolean("AutoEnableControls"u8, true);
        w.WriteString("ControlFindingGenerator"u8, "SECURITY_CONTROL");
        yield return d.Finish(id, region, AwsOperations.DescribeHub);

        yield return d.List(id, region, AwsOperations.ListAnalyzers, region == home ? [m.Account.Name] : Array.Empty<string>(), (a, name) =>
        {
            a.WriteString("arn"u8, $"arn:aws:access-analyzer:{region}:{id}:analyzer/{name}");
            a.WriteString("name"u8, name);
            a.WriteString("type"u8, "ACCOUNT");
            a.WriteString("createdAt"u8, "2024-01-15T09:30:00+00:00");
            a.WriteString("status"u8, "ACTIVE");
        });

        w = d.Start();
        w.WriteEmptyArray("MetricAlarms"u8);
        w.WriteEmptyArray("CompositeAlarms"u8);
        yield return d.Finish(id, region, AwsOperations.DescribeAlarms);
    }
}
