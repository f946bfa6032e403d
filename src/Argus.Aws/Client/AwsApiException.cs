namespace Argus.Aws.Client;

/// <summary>
/// An AWS call failed. Carries the IAM action, the AWS error code and its meaning for coverage; never the
/// credentials, the signature or the request headers.
/// </summary>
public sealed class AwsApiException(string action, AwsErrorKind kind, string code, string message, int httpStatus, int attempts)
    : Exception($"{action}: {code} (HTTP {httpStatus}, {attempts} attempt{(attempts == 1 ? "" : "s")}): {message}")
{
    /// <summary>The IAM action of the failed call, e.g. <c>ec2:DescribeVpcs</c>.</summary>
    public string Action { get; } = action;

    public AwsErrorKind Kind { get; } = kind;

    /// <summary>The AWS error code, e.g. <c>UnauthorizedOperation</c>.</summary>
    public string Code { get; } = code;

    public int HttpStatus { get; } = httpStatus;

    public int Attempts { get; } = attempts;

    /// <summary>The meaning of an AWS error code.</summary>
    public static AwsErrorKind Classify(string code) => code switch
    {
        "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" or "AuthFailure"
            or "UnauthorizedAccess" or "NotAuthorized" => AwsErrorKind.AccessDenied,
        "Throttling" or "ThrottlingException" or "ThrottledException" or "RequestLimitExceeded"
            or "TooManyRequestsException" or "RequestThrottled" or "RequestThrottledException" or "SlowDown"
            or "PriorRequestNotComplete" or "ProvisionedThroughputExceededException" => AwsErrorKind.Throttled,
        "OptInRequired" or "RegionDisabledException" or "InvalidRegion" => AwsErrorKind.RegionDisabled,
        _ when code.StartsWith("NoSuch", StringComparison.Ordinal) || code.EndsWith("NotFound", StringComparison.Ordinal)
            || code.EndsWith("NotFoundException", StringComparison.Ordinal) || code.EndsWith("NotFoundError", StringComparison.Ordinal)
            || code == "NoSuchEntity" => AwsErrorKind.NotFound,
        _ => AwsErrorKind.Other,
    };
}
