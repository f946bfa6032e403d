namespace Argus.VmScan.Workflow;

/// <summary>
/// How far one volume got, written to the journal after every step: the ids of what Argus created, so a resumed
/// scan continues and a cleanup knows what to remove. A null id means "not created yet, or not known to be".
/// </summary>
public sealed record VolumeProgress(string InstanceId, string VolumeId)
{
    public string? SnapshotId { get; init; }

    /// <summary>The copy of an aws/ebs-encrypted snapshot under the scanner's key.</summary>
    public string? ReencryptedId { get; init; }

    public string? GrantId { get; init; }

    /// <summary>The key the grant is on.</summary>
    public string? GrantKeyId { get; init; }

    /// <summary>The snapshot was shared with the scanner account.</summary>
    public bool Shared { get; init; }

    /// <summary>The copy in the scanner's region, when it differs from the volume's.</summary>
    public string? ScannerCopyId { get; init; }

    /// <summary>Attach mode: the volume created from the snapshot in the scanner's zone.</summary>
    public string? ScanVolumeId { get; init; }

    /// <summary>Attach mode: the device name it was attached as.</summary>
    public string? AttachedAs { get; init; }

    /// <summary>The file systems were read; the summary holds what they yielded.</summary>
    public string? ReadSummary { get; init; }

    /// <summary>Everything Argus created for this volume is gone.</summary>
    public bool CleanedUp { get; init; }

    /// <summary>Why the volume could not be scanned, when it could not.</summary>
    public string? Error { get; init; }
}
