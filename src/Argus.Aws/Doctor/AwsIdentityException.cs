namespace Argus.Aws.Doctor;

/// <summary>The self-check could not establish who the credentials belong to; nothing else was checked.</summary>
public sealed class AwsIdentityException(IdentityFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public IdentityFailure Failure { get; } = failure;
}
