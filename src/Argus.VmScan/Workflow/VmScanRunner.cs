using Argus.Aws.Client;

namespace Argus.VmScan.Workflow;

/// <summary>
/// Runs a planned scan volume by volume, journaling every step; resumes a journaled one. A time limit or a
/// cancellation stops it and removes what it created (by journal, then by tag); a volume that fails is cleaned up
/// and the scan goes on. Anything else (a crash) leaves the journal for 'resume' and the tags for 'cleanup'.
/// </summary>
public sealed class VmScanRunner(VmScanCloud cloud, VmScanAccess access, JournalFolder journals, IBlockDeviceSource devices, IDiskReader disks,
    IDeviceLocator locator, VmScanOptions options, IProgress<VmScanEvent>? events = null)
{
    /// <summary>How long the cleanup after a cancellation or time limit may take.</summary>
    public TimeSpan CleanupLimit { get; init; } = TimeSpan.FromMinutes(10);

    public Task<VmScanResult> RunAsync(ScanPlan plan, CancellationToken ct)
    {
        var journal = ScanJournal.Start(plan);
        journals.Save(journal);
        return ContinueAsync(journal, ct);
    }

    /// <summary>Continues a scan from its journal.</summary>
    /// <exception cref="VmScanPlanException">There is no journal for <paramref name="scanId"/>.</exception>
    public Task<VmScanResult> ResumeAsync(string scanId, CancellationToken ct)
    {
        var journal = journals.Load(scanId) ?? throw new VmScanPlanException($"no journal for scan {scanId} in {journals.Folder}; 'argus vm-scan cleanup --scan-id {scanId}' still removes its leftovers by tag");
        return ContinueAsync(journal, ct);
    }

    private async Task<VmScanResult> ContinueAsync(ScanJournal journal, CancellationToken ct)
    {
        var plan = journal.Plan;
        var keeper = new JournalKeeper(journals, journal with { State = "running" });
        var workflow = new VolumeWorkflow(cloud, access, plan, keeper, devices, disks, locator, options, events);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.TimeLimit);
        var outcomes = new List<VolumeOutcome>();
        try
        {
            foreach (var instance in plan.Instances)
            {
                foreach (var volume in instance.Volumes)
                {
                    outcomes.Add(await OneAsync(workflow, keeper, instance, volume, limit.Token).ConfigureAwait(false));
                }
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            var ending = ct.IsCancellationRequested ? "cancelled" : "time-limit";
            events?.Report(new VmScanEvent("step", null, plan.ScanId, $"{ending}: removing what the scan created"));
            using var cleanup = new CancellationTokenSource(CleanupLimit);
            var left = await CleanupAllAsync(workflow, keeper, cleanup.Token).ConfigureAwait(false);
            keeper.Finish(ending);
            return new VmScanResult(plan, outcomes, ending, left, cloud.Calls);
        }

        var leftovers = await SweepAsync(keeper, limit.Token).ConfigureAwait(false);
        keeper.Finish("done");
        return new VmScanResult(plan, outcomes, "done", leftovers, cloud.Calls);
    }

    private async Task<VolumeOutcome> OneAsync(VolumeWorkflow workflow, JournalKeeper keeper, PlannedInstance instance, PlannedVolume volume, CancellationToken ct)
    {
        try
        {
            return await workflow.RunAsync(instance, volume, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsApiException or VmScanStepException or NotArgusResourceException or System.Text.Json.JsonException)
        {
            events?.Report(new VmScanEvent("warning", null, volume.VolumeId, e.Message));
            var failed = keeper.Record(keeper.Current.For(volume.VolumeId) with { Error = e.Message });
            try
            {
                await workflow.CleanupAsync(failed, instance, ct).ConfigureAwait(false);
            }
            catch (Exception again) when (again is AwsApiException or VmScanStepException or NotArgusResourceException)
            {
                events?.Report(new VmScanEvent("warning", null, volume.VolumeId, "cleanup failed, left for 'argus vm-scan cleanup': " + again.Message));
            }

            return new VolumeOutcome(instance, volume, keeper.Current.Plan.Mode, null, null, e.Message);
        }
    }

    /// <summary>After a cancellation: every volume's journaled resources, then a sweep by tag.</summary>
    private async Task<IReadOnlyList<string>> CleanupAllAsync(VolumeWorkflow workflow, JournalKeeper keeper, CancellationToken ct)
    {
        var left = new List<string>();
        foreach (var instance in keeper.Current.Plan.Instances)
        {
            foreach (var volume in instance.Volumes)
            {
                var progress = keeper.Current.For(volume.VolumeId);
                if (progress.CleanedUp)
                {
                    continue;
                }

                try
                {
                    await workflow.CleanupAsync(progress, instance, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is AwsApiException or VmScanStepException or NotArgusResourceException or OperationCanceledException)
                {
                    left.Add($"{volume.VolumeId}: {e.Message}");
                }
            }
        }

        left.AddRange(await SweepAsync(keeper, ct).ConfigureAwait(false));
        return left;
    }

    /// <summary>
    /// Looks for anything still tagged with this scan's id (a resource created by a request whose answer was lost)
    /// and removes it; returns what could not be removed.
    /// </summary>
    private async Task<IReadOnlyList<string>> SweepAsync(JournalKeeper keeper, CancellationToken ct)
    {
        var plan = keeper.Current.Plan;
        var contexts = plan.Instances.Select(i => i.Region).Distinct(StringComparer.Ordinal).Select(access.Target).ToList();
        if (plan.ScannerAccount != access.TargetAccount || !plan.Instances.Any(i => i.Region == plan.ScannerRegion))
        {
            contexts.Add(access.Scanner(plan.ScannerRegion));
        }

        var keys = plan.Instances.SelectMany(i => i.Volumes.Where(v => v.KeyCase == KeyCase.CustomerManagedKey).Select(v => (access.Target(i.Region), v.KmsKeyId!))).ToList();
        try
        {
            var items = await new VmScanCleaner(cloud, options, events).CleanAsync(contexts, plan.ScanId, null, keys, execute: true, ct).ConfigureAwait(false);
            return items.Where(i => i.Outcome != "removed").Select(i => $"{i.Kind} {i.Id} in {i.Region}: {i.Outcome}").ToList();
        }
        catch (AwsApiException e)
        {
            return [$"the final sweep by tag failed ({e.Message}); run 'argus vm-scan cleanup --scan-id {plan.ScanId} --execute'"];
        }
    }
}
