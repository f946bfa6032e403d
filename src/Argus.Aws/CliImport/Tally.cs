namespace Argus.Aws.CliImport;

/// <summary>
/// Counts how often the data names each candidate value (an account, a region) and by which field, so an
/// inferred value can be explained ("read from OwnerId (23), ARNs (3)").
/// </summary>
internal sealed class Tally
{
    private readonly Dictionary<string, Dictionary<string, int>> votes = new(StringComparer.Ordinal);

    public bool IsEmpty => votes.Count == 0;

    public IEnumerable<string> Values => votes.Keys;

    public void Add(string value, string evidence, int count = 1)
    {
        if (!votes.TryGetValue(value, out var byEvidence))
        {
            votes[value] = byEvidence = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        byEvidence[evidence] = byEvidence.GetValueOrDefault(evidence) + count;
    }

    public void AddAll(Tally other)
    {
        foreach (var (value, byEvidence) in other.votes)
        {
            foreach (var (evidence, count) in byEvidence)
            {
                Add(value, evidence, count);
            }
        }
    }

    public int Count(string value) => votes.TryGetValue(value, out var e) ? e.Values.Sum() : 0;

    /// <summary>The value named most often, or null when there is none or two share the top count.</summary>
    public string? Winner()
    {
        var ranked = votes.Keys.OrderByDescending(Count).ThenBy(v => v, StringComparer.Ordinal).ToList();
        return ranked.Count switch
        {
            0 => null,
            1 => ranked[0],
            _ => Count(ranked[0]) > Count(ranked[1]) ? ranked[0] : null,
        };
    }

    /// <summary>E.g. <c>OwnerId (23), ARN (3)</c>.</summary>
    public string Evidence(string value) =>
        votes.TryGetValue(value, out var byEvidence)
            ? string.Join(", ", byEvidence.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} ({e.Value})"))
            : "";

    /// <summary>E.g. <c>554773406868 (OwnerId (23)), 062328495474 (ARN (1))</c>, most named first.</summary>
    public string Describe() =>
        string.Join(", ", votes.Keys.OrderByDescending(Count).ThenBy(v => v, StringComparer.Ordinal).Select(v => $"{v} ({Evidence(v)})"));
}
