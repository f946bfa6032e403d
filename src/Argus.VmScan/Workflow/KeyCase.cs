namespace Argus.VmScan.Workflow;

/// <summary>How a volume is encrypted, which decides how the scanner gets to read its snapshot.</summary>
public enum KeyCase
{
    /// <summary>Not encrypted: the snapshot is read (or shared) as it is.</summary>
    Unencrypted,

    /// <summary>A customer managed key: a KMS grant scoped to the scan lets the reading principal use it; retired after.</summary>
    CustomerManagedKey,

    /// <summary>The AWS managed aws/ebs key, which cannot be shared: the snapshot is first copied under the scanner's key.</summary>
    AwsManagedKey,
}
