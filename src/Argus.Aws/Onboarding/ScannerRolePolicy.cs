namespace Argus.Aws.Onboarding;

/// <summary>
/// The role of a scanner instance Argus launches (its instance profile, named &lt;role&gt;-scanner): it lists and
/// reads its jobs and writes its results in the argus-vm-scan-* buckets, and nothing else. Argus's own role may
/// pass only this role, and only to EC2.
/// </summary>
public static class ScannerRolePolicy
{
    /// <summary>The policy's statements.</summary>
    public static IReadOnlyList<PolicyStatement> Statements() =>
    [
        new("ArgusScannerListJobs", ["s3:ListBucket"], [$"arn:aws:s3:::{StatementShapes.ResultsBucketPrefix}*"], []),
        new("ArgusScannerReadJobs", ["s3:GetObject"], [$"arn:aws:s3:::{StatementShapes.ResultsBucketPrefix}*/*"], []),
        new("ArgusScannerWriteResults", ["s3:PutObject"], [$"arn:aws:s3:::{StatementShapes.ResultsBucketPrefix}*/*/results/*"], []),
    ];

    /// <summary>The scanner role's name for the Argus role <paramref name="roleName"/>.</summary>
    public static string RoleName(string roleName) => StatementShapes.ScannerRoleName(roleName);

    /// <summary>The scanner role's policy document, as the templates embed it.</summary>
    public static ManagedPolicy Policy(string roleName) => new(RoleName(roleName) + "-results", Statements());

    /// <summary>True when the selection launches scanners (vuln.vm-scan), so the templates also create the scanner's role and instance profile.</summary>
    public static bool NeededFor(PolicySet policies) => policies.Features.Contains(Core.Permissions.Features.VmScan);
}
