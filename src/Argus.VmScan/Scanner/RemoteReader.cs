using System.Text.Json;
using Argus.VmScan.Disks;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Scanner;

/// <summary>
/// The control plane's side of a launched scanner: puts a job for an attached volume, polls for its result (bounded
/// by the scan's time limit and the poll limit), and removes both objects once read.
/// </summary>
internal sealed class RemoteReader(IResultsStore store, ResultsLocation location, VmScanOptions options, IProgress<VmScanEvent>? events)
{
    public async Task<IReadOnlyList<FileSystemScan>> ReadAsync(ScanJob job, CancellationToken ct)
    {
        var resultKey = location.ResultKey(job.ScanId, job.VolumeId);
        var jobKey = location.JobKey(job.ScanId, job.VolumeId);
        var answer = await store.GetAsync(resultKey, ct).ConfigureAwait(false);
        if (answer is null)
        {
            await store.PutAsync(jobKey, JsonSerializer.SerializeToUtf8Bytes(job, ScanJournal.Json), ct).ConfigureAwait(false);
            events?.Report(new VmScanEvent("wait", null, job.VolumeId, $"waiting for the scanner's result at s3://{location.Bucket}/{resultKey}"));
        }

        for (var poll = 0; answer is null; poll++)
        {
            if (poll >= options.MaxPolls)
            {
                throw new VmScanStepException($"the scanner gave no result for {job.VolumeId} after {poll} polls of s3://{location.Bucket}/{resultKey}");
            }

            await Task.Delay(options.PollInterval, ct).ConfigureAwait(false);
            answer = await store.GetAsync(resultKey, ct).ConfigureAwait(false);
        }

        ScanJobResult result;
        try
        {
            result = JsonSerializer.Deserialize<ScanJobResult>(answer, ScanJournal.Json) ?? throw new JsonException("the result is null");
        }
        catch (JsonException e)
        {
            throw new VmScanStepException($"s3://{location.Bucket}/{resultKey} is not a scan result at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}");
        }

        await store.DeleteAsync(jobKey, ct).ConfigureAwait(false);
        await store.DeleteAsync(resultKey, ct).ConfigureAwait(false);
        if (result.VolumeId != job.VolumeId)
        {
            throw new VmScanStepException($"s3://{location.Bucket}/{resultKey} answers for {result.VolumeId}, not {job.VolumeId}");
        }

        return result.Error is { } error
            ? throw new VmScanStepException($"the scanner {result.Worker} could not read {job.VolumeId}: {error}")
            : result.Scans ?? [];
    }
}
