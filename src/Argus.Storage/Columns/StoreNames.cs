using Argus.Core.Model;

namespace Argus.Storage.Columns;

/// <summary>
/// The names enums are stored under. They are spelled out here rather than taken from the enum member names so
/// that renaming a C# member can never change what is on disk.
/// </summary>
internal static class StoreNames
{
    private static readonly NameMap<FindingStatus> Statuses = new(
        (FindingStatus.Pass, "pass"), (FindingStatus.Fail, "fail"), (FindingStatus.Manual, "manual"),
        (FindingStatus.Error, "error"), (FindingStatus.NotAuthorized, "not-authorized"), (FindingStatus.Muted, "muted"));

    private static readonly NameMap<Severity> Severities = new(
        (Severity.Informational, "informational"), (Severity.Low, "low"), (Severity.Medium, "medium"),
        (Severity.High, "high"), (Severity.Critical, "critical"));

    private static readonly NameMap<GapReason> Reasons = new(
        (GapReason.AccessDenied, "access-denied"), (GapReason.Throttled, "throttled"), (GapReason.RegionDisabled, "region-disabled"),
        (GapReason.NotCollected, "not-collected"), (GapReason.Error, "error"));

    private static readonly NameMap<SnapshotStatus> SnapshotStatuses = new(
        (SnapshotStatus.Complete, "complete"), (SnapshotStatus.Cancelled, "cancelled"));

    /// <summary>The stored name of a passing result, used in SQL.</summary>
    public const string Pass = "pass";

    /// <summary>The status of a snapshot whose transaction is still open.</summary>
    public const string Open = "open";

    public static string Name(FindingStatus value) => Statuses.Name(value);

    public static string Name(Severity value) => Severities.Name(value);

    public static string Name(GapReason value) => Reasons.Name(value);

    public static string Name(SnapshotStatus value) => SnapshotStatuses.Name(value);

    public static FindingStatus ParseStatus(string name) => Statuses.Parse(name);

    public static Severity ParseSeverity(string name) => Severities.Parse(name);

    public static GapReason ParseReason(string name) => Reasons.Parse(name);

    public static SnapshotStatus ParseSnapshotStatus(string name) => SnapshotStatuses.Parse(name);

    public static Provider ParseProvider(string name) => ProviderNames.TryParse(name, out var p)
        ? p
        : throw new StoreException($"unknown provider '{name}' in the store");

    private sealed class NameMap<T>
        where T : struct, Enum
    {
        private readonly Dictionary<T, string> names = [];
        private readonly Dictionary<string, T> values = new(StringComparer.Ordinal);

        public NameMap(params (T Value, string Name)[] pairs)
        {
            foreach (var (value, name) in pairs)
            {
                names.Add(value, name);
                values.Add(name, value);
            }
        }

        public string Name(T value) => names.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"no stored name for {typeof(T).Name}.{value}");

        public T Parse(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new StoreException($"unknown {typeof(T).Name} '{name}' in the store; was it written by a newer Argus?");
    }
}
