using System.Text.Json;
using Argus.VmScan.Disks;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Scanner;

/// <summary>
/// Runs on a scanner Argus launched: polls the scan's jobs, finds each job's attached volume by its id (as attach
/// mode does locally), reads it read-only with the disk scanner (inventory and OSV matching) and puts the result,
/// or an error naming what failed, next to the job. Ends when the control plane writes the end marker, or after
/// the idle limit without a new job.
/// </summary>
public sealed class VmScanWorker(IResultsStore store, ResultsLocation location, string scanId, IDeviceLocator locator, IBlockDeviceSource devices, IDiskReader disks, string worker)
{
    /// <summary>Between two polls of the jobs, and of a device to appear.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Polls for an attached volume's device before its job fails.</summary>
    public int DevicePolls { get; init; } = 40;

    /// <summary>How long without any new job before the worker gives up.</summary>
    public TimeSpan IdleLimit { get; init; } = WorkerUserData.IdleLimit;

    /// <summary>Answers every job until the end marker; returns how many it answered.</summary>
    public async Task<int> RunAsync(IProgress<string>? log, CancellationToken ct)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var idleSince = DateTimeOffset.UtcNow;
        while (true)
        {
            var keys = await store.ListAsync(location.JobsFolder(scanId), ct).ConfigureAwait(false);
            var jobs = keys.Where(k => k.EndsWith(".json", StringComparison.Ordinal) && !answered.Contains(k)).Order(StringComparer.Ordinal).ToList();
            foreach (var key in jobs)
            {
                var volume = Path.GetFileNameWithoutExtension(key);
                if (await store.GetAsync(location.ResultKey(scanId, volume), ct).ConfigureAwait(false) is null)
                {
                    log?.Report($"job {key}");
                    var result = await AnswerAsync(key, volume, ct).ConfigureAwait(false);
                    await store.PutAsync(location.ResultKey(scanId, volume), JsonSerializer.SerializeToUtf8Bytes(result, ScanJournal.Json), ct).ConfigureAwait(false);
                    log?.Report(result.Error is { } e ? $"{volume}: failed: {e}" : $"{volume}: {result.Scans!.Count} file systems");
                }

                answered.Add(key);
                idleSince = DateTimeOffset.UtcNow;
            }

            if (keys.Contains(location.EndKey(scanId)))
            {
                return answered.Count;
            }

            if (DateTimeOffset.UtcNow - idleSince > IdleLimit)
            {
                log?.Report($"no job for {IdleLimit.TotalMinutes:0} minutes: stopping");
                return answered.Count;
            }

            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    private async Task<ScanJobResult> AnswerAsync(string key, string volume, CancellationToken ct)
    {
        ScanJob job;
        try
        {
            var body = await store.GetAsync(key, ct).ConfigureAwait(false) ?? throw new JsonException("the job disappeared before it was read");
            job = JsonSerializer.Deserialize<ScanJob>(body, ScanJournal.Json) ?? throw new JsonException("the job is null");
        }
        catch (JsonException e)
        {
            return new ScanJobResult(volume, null, $"{key} is not a scan job at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}", worker);
        }

        if (job.ScanId != scanId || job.VolumeId != volume)
        {
            return new ScanJobResult(volume, null, $"{key} names scan {job.ScanId} volume {job.VolumeId}, not {scanId} {volume}", worker);
        }

        var path = locator.Locate(job.VolumeId, job.Device);
        for (var poll = 0; path is null && poll < DevicePolls; poll++)
        {
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
            path = locator.Locate(job.VolumeId, job.Device);
        }

        if (path is null)
        {
            return new ScanJobResult(volume, null, $"no device appeared for {job.VolumeId} (attached as {job.Device}) on {worker}", worker);
        }

        try
        {
            await using var device = devices.OpenDevice(path);
            var scans = await disks.ScanAsync(device, job.Target, DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
            return new ScanJobResult(volume, scans, null, worker);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DiskFormatException or InvalidOperationException)
        {
            return new ScanJobResult(volume, null, $"{path} could not be read: {e.Message}", worker);
        }
    }
}
