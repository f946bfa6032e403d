using System.Text.RegularExpressions;

namespace Argus.Network.FlowLogs.Parsing;

/// <summary>
/// The order of the fields in a flow log's records: the default version 2 format, a custom format from a flow
/// log's <c>LogFormat</c> (<c>${version} ${srcaddr} ...</c>), or the header line S3 text delivery writes first.
/// </summary>
public sealed partial class FlowLogFormat
{
    /// <summary>The default format: the version 2 fields in AWS's order.</summary>
    public static FlowLogFormat Default { get; } = new(
    [
        "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
        "protocol", "packets", "bytes", "start", "end", "action", "log-status",
    ]);

    private readonly int[] positions;
    private readonly FlowLogField[] fields;

    private FlowLogFormat(IReadOnlyList<string> names)
    {
        Names = names;
        Fields = fields = names.Select(FlowLogFields.Find).ToArray();
        UnknownNames = names.Where(n => FlowLogFields.Find(n) == FlowLogField.Unknown).ToArray();
        positions = new int[Enum.GetValues<FlowLogField>().Length];
        Array.Fill(positions, -1);
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] != FlowLogField.Unknown && positions[(int)Fields[i]] < 0)
            {
                positions[(int)Fields[i]] = i;
            }
        }

        Version = Fields.Count == 0 ? 2 : Math.Max(2, Fields.Max(FlowLogFields.VersionOf));
    }

    /// <summary>The field names as given, in record order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The fields in record order; names this parser does not know are <see cref="FlowLogField.Unknown"/>.</summary>
    public IReadOnlyList<FlowLogField> Fields { get; }

    /// <summary><see cref="Fields"/> as the array it is: the parser indexes it once per field of every record, where an interface call costs.</summary>
    internal ReadOnlySpan<FlowLogField> FieldSpan => fields;

    /// <summary>Names in the format that are not flow log fields Argus knows; their values are skipped.</summary>
    public IReadOnlyList<string> UnknownNames { get; }

    /// <summary>The highest version among the fields, which AWS writes into <c>version</c>.</summary>
    public int Version { get; }

    public int Count => Fields.Count;

    /// <summary>Whether the records carry a field.</summary>
    public bool Has(FlowLogField field) => positions[(int)field] >= 0;

    /// <summary>A format from its field names; at least one field, no duplicates.</summary>
    public static FlowLogFormat FromNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            throw new FormatException("a flow log format needs at least one field");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"field '{duplicate.Key}' appears twice in the flow log format");
        }

        return names.SequenceEqual(Default.Names, StringComparer.Ordinal) ? Default : new FlowLogFormat(names);
    }

    /// <summary>
    /// Parses a flow log's <c>LogFormat</c>, <c>${version} ${account-id} ...</c>, or a plain space-separated list of
    /// names as in a header line.
    /// </summary>
    /// <exception cref="FormatException">Text between the <c>${...}</c> references, or no field at all.</exception>
    public static FlowLogFormat Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.Contains("${", StringComparison.Ordinal))
        {
            return FromNames(trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        var names = new List<string>();
        var at = 0;
        foreach (Match m in FieldReference().Matches(trimmed))
        {
            if (!string.IsNullOrWhiteSpace(trimmed[at..m.Index]))
            {
                throw new FormatException($"unexpected text '{trimmed[at..m.Index].Trim()}' in the flow log format at character {at + 1}");
            }

            names.Add(m.Groups[1].Value);
            at = m.Index + m.Length;
        }

        if (at < trimmed.Length)
        {
            throw new FormatException($"unexpected text '{trimmed[at..]}' at the end of the flow log format");
        }

        return FromNames(names);
    }

    /// <summary>
    /// Reads a header line (<c>version account-id ...</c>): every token a field name, the known ones at least half.
    /// Returns null for a line that is not a header (a record, or garbage).
    /// </summary>
    public static FlowLogFormat? TryParseHeader(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || !char.IsAsciiLetterLower((char)line[0]))
        {
            return null;
        }

        var names = System.Text.Encoding.ASCII.GetString(line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (names.Any(n => !HeaderName().IsMatch(n)))
        {
            return null;
        }

        var known = names.Count(n => FlowLogFields.Find(n) != FlowLogField.Unknown);
        if (known * 2 < names.Length || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            return null;
        }

        return FromNames(names);
    }

    /// <summary>Position of a field in the records, or -1.</summary>
    internal int PositionOf(FlowLogField field) => positions[(int)field];

    /// <summary>The format as AWS writes it in a flow log's LogFormat.</summary>
    public override string ToString() => string.Join(' ', Names.Select(n => "${" + n + "}"));

    [GeneratedRegex(@"\$\{([a-z0-9-]+)\}")]
    private static partial Regex FieldReference();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex HeaderName();
}
