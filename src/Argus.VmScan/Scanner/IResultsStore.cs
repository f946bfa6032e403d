namespace Argus.VmScan.Scanner;

/// <summary>The objects Argus and its launched scanner exchange (jobs, results): S3 in production, behind a seam for the worker's tests.</summary>
public interface IResultsStore
{
    Task PutAsync(string key, byte[] body, CancellationToken ct);

    /// <summary>The object's bytes, or null when there is no such key.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    /// <summary>Every key under <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}
