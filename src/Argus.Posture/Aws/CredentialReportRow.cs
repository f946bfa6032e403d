namespace Argus.Posture.Aws;

/// <summary>One line of the IAM credential report, by column name.</summary>
public sealed class CredentialReportRow(IReadOnlyDictionary<string, string> cells)
{
    public string User => this["user"];

    public string Arn => this["arn"];

    public bool IsRoot => User == "<root_account>";

    public string this[string column] => cells.TryGetValue(column, out var v) ? v : "";

    public bool Flag(string column) => string.Equals(this[column], "true", StringComparison.OrdinalIgnoreCase);

    public DateTimeOffset? Time(string column) => AwsTime.Parse(this[column]);

    /// <summary>The columns the report printed for this user, for evidence.</summary>
    public IReadOnlyDictionary<string, string> Cells => cells;
}
