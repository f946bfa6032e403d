namespace Argus.Aws.Client;

/// <summary>What an AWS error means for collection: the collector records the first three as coverage gaps.</summary>
public enum AwsErrorKind
{
    /// <summary>The principal lacks the action (AccessDenied, UnauthorizedOperation, AuthFailure, ...).</summary>
    AccessDenied,

    /// <summary>Still throttled after every retry.</summary>
    Throttled,

    /// <summary>The region is not enabled for the account (opt-in region).</summary>
    RegionDisabled,

    /// <summary>The named resource or configuration does not exist (NoSuchBucketPolicy, ...NotFoundException).</summary>
    NotFound,

    /// <summary>Any other service or transport error.</summary>
    Other,
}
