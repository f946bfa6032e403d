using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: automatic rotation is enabled for customer-managed symmetric KMS keys.</summary>
public sealed class KmsRotationCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.kms.rotation", "Customer managed symmetric KMS keys rotate automatically", Severity.Medium, "kms", "aws.kms.key",
        "Automatic rotation replaces a key's material yearly (or on the configured period) while old material still decrypts.",
        "Material that never rotates protects more data for longer if it is ever exposed.",
        new("aws kms enable-key-rotation --key-id KEY_ID",
            "# Set EnableKeyRotation: true on AWS::KMS::Key.",
            "# Set enable_key_rotation = true on aws_kms_key."),
        ["https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"],
        [AwsOperations.ListKeys, AwsOperations.DescribeKey, AwsOperations.GetKeyRotationStatus]);

    protected override AwsOperation Source => AwsOperations.ListKeys;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var key in PostureContext.Items(lookup))
        {
            var id = key.GetString("KeyId") ?? "";
            var arn = key.GetString("KeyArn") ?? $"arn:aws:kms:{region}:{account}:key/{id}";
            var described = context.Get(account, region, AwsOperations.DescribeKey, id);
            if (described.Missing)
            {
                yield return Missing(described, arn, account, region);
                continue;
            }

            var meta = described.Root.GetObject("KeyMetadata");
            var manager = meta?.GetString("KeyManager");
            var spec = meta?.GetString("KeySpec") ?? meta?.GetString("CustomerMasterKeySpec");
            var state = meta?.GetString("KeyState");
            var origin = meta?.GetString("Origin");
            if (manager != "CUSTOMER" || spec is not (null or "SYMMETRIC_DEFAULT") || origin is not (null or "AWS_KMS") || state is "PendingDeletion" or "PendingReplicaDeletion")
            {
                continue;
            }

            var rotation = context.Get(account, region, AwsOperations.GetKeyRotationStatus, id);
            if (rotation.Missing)
            {
                yield return Missing(rotation, arn, account, region);
                continue;
            }

            var on = rotation.Root.GetBool("KeyRotationEnabled") == true;
            yield return Verdict(on, arn, account, region, $"Key {id} rotates automatically.", $"Key {id} ({meta?.GetString("Description")}) does not rotate.",
                new { KeyId = id, KeyManager = manager, KeySpec = spec, KeyRotationEnabled = on });
        }
    }
}
