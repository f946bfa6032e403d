using Argus.Aws.Client;

namespace Argus.VmScan.Workflow;

/// <summary>
/// Who calls where: the account whose instances are scanned (per region) and the scanner account that reads.
/// They are the same account unless the scan runs from a separate scanner account.
/// </summary>
/// <param name="Target">The call context for the scanned account in a region.</param>
/// <param name="Scanner">The call context for the scanner account in a region.</param>
public sealed record VmScanAccess(string TargetAccount, Func<string, AwsCallContext> Target, string ScannerAccount, Func<string, AwsCallContext> Scanner);
