using Argus.Aws.Doctor;

namespace Argus.Aws.Tests.Doctor;

public sealed class CallerIdentityTests
{
    [Theory]
    [InlineData("arn:aws:sts::123456789012:assumed-role/ArgusReadOnly/argus", "arn:aws:iam::123456789012:role/ArgusReadOnly")]
    [InlineData("arn:aws-cn:sts::123456789012:assumed-role/Scanner/i-0abc", "arn:aws-cn:iam::123456789012:role/Scanner")]
    [InlineData("arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/alice")]
    [InlineData("arn:aws:iam::123456789012:user/ops/alice", "arn:aws:iam::123456789012:user/ops/alice")]
    [InlineData("arn:aws:iam::123456789012:root", null)]
    [InlineData("arn:aws:sts::123456789012:federated-user/bob", null)]
    [InlineData("not an arn", null)]
    public void The_simulated_principal_is_the_role_behind_a_session_or_the_user(string caller, string? principal) =>
        Assert.Equal(principal, CallerIdentity.PrincipalFor(caller));
}
