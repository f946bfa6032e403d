namespace Argus.Storage.Sql;

/// <summary>The tables rows are bulk-loaded into: the snapshot's own, and the temporary ones set-based updates read.</summary>
internal static class Tables
{
    public static RowTable Documents { get; } = new(
        "raw_documents",
        false,
        ("snapshot", SqlType.Text), ("provider", SqlType.Text), ("account", SqlType.Text), ("region", SqlType.Text),
        ("service", SqlType.Text), ("operation", SqlType.Text), ("resource", SqlType.Text),
        ("codec", SqlType.Integer), ("size", SqlType.BigInt), ("body", SqlType.Blob));

    public static RowTable Gaps { get; } = new(
        "coverage_gaps",
        false,
        ("snapshot", SqlType.Text), ("seq", SqlType.Integer), ("provider", SqlType.Text), ("account", SqlType.Text),
        ("region", SqlType.Text), ("service", SqlType.Text), ("operation", SqlType.Text), ("permission", SqlType.Text),
        ("reason", SqlType.Text), ("message", SqlType.Text));

    public static RowTable Assets { get; } = new(
        "assets",
        false,
        ("snapshot", SqlType.Text), ("id", SqlType.Text), ("type", SqlType.Text), ("provider", SqlType.Text),
        ("account", SqlType.Text), ("region", SqlType.Text), ("name", SqlType.Text), ("tags", SqlType.Text),
        ("properties", SqlType.Text));

    /// <summary>Relations, each stored once: both sides of a peering describe it, from two account groups.</summary>
    public static RowTable Relations { get; } = new(
        "relations", true, ("snapshot", SqlType.Text), ("from_id", SqlType.Text), ("to_id", SqlType.Text), ("kind", SqlType.Text));

    public static RowTable StagedResults { get; } = new(
        "staged_results",
        false,
        ("check_id", SqlType.Text), ("resource_id", SqlType.Text), ("provider", SqlType.Text), ("account", SqlType.Text),
        ("region", SqlType.Text), ("status", SqlType.Text), ("severity", SqlType.Text), ("message", SqlType.Text),
        ("evidence", SqlType.Text), ("frameworks", SqlType.Text));

    public static RowTable StagedChecks { get; } = new("staged_checks", false, ("check_id", SqlType.Text));

    public static RowTable StagedScopes { get; } = new(
        "staged_scopes", false, ("provider", SqlType.Text), ("account", SqlType.Text), ("region", SqlType.Text));
}
