using System.Security.Cryptography;
using System.Text;
using Argus.Core.Model;

namespace Argus.Bench;

/// <summary>
/// A comparable summary of a posture scan: one line per check and status with its count and a hash of those
/// results' resources, statuses, messages and evidence, so two builds' results can be diffed without keeping them.
/// </summary>
public static class PostureDigest
{
    public static IEnumerable<string> Lines(IReadOnlyList<CheckResult> results) =>
        results.GroupBy(r => (r.CheckId, r.Status))
            .OrderBy(g => g.Key.CheckId, StringComparer.Ordinal).ThenBy(g => g.Key.Status)
            .Select(g => $"{g.Key.CheckId}\t{g.Key.Status}\t{g.Count()}\t{Hash(g)}");

    private static string Hash(IEnumerable<CheckResult> results)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in results)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{r.ResourceId}\n{r.Account}\n{r.Region}\n{r.Message}\n{r.Evidence}\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}
