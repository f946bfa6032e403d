using System.Text.Json;
using System.Text.Json.Serialization;

namespace Argus.VmScan.Workflow;

/// <summary>One scan's plan and every volume's progress, as saved after each step.</summary>
/// <param name="State">running, done, cancelled, failed, cleaned.</param>
public sealed record ScanJournal(ScanPlan Plan, IReadOnlyList<VolumeProgress> Volumes, string State)
{
    /// <summary>The scanner infrastructure Argus launched for this scan (--scanner launch), else null.</summary>
    public Scanner.ScannerProgress? Scanner { get; init; }

    public static ScanJournal Start(ScanPlan plan) =>
        new(plan, plan.Instances.SelectMany(i => i.Volumes.Select(v => new VolumeProgress(i.InstanceId, v.VolumeId))).ToList(), "running");

    public VolumeProgress For(string volumeId) => Volumes.First(v => v.VolumeId == volumeId);

    public ScanJournal With(VolumeProgress progress) =>
        this with { Volumes = Volumes.Select(v => v.VolumeId == progress.VolumeId ? progress : v).ToList() };

    internal static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
