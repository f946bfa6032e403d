using Argus.Aws.Client;
using Argus.VmScan.Scanner;

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

    /// <summary>The results channel to a scanner Argus launches (plans with <see cref="ScanPlan.Launch"/>); the control plane's side.</summary>
    public IResultsStore? Results { get; init; }

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
        RemoteReader? remote = null;
        if (plan.Launch is { } launch)
        {
            remote = new RemoteReader(Results ?? throw new VmScanPlanException($"scan {plan.ScanId} launches a scanner: it needs the results location {launch.Results}"), launch.Results, options, events);
        }

        var workflow = new VolumeWorkflow(cloud, access, plan, keeper, devices, disks, locator, options, events, remote);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.TimeLimit);
        var outcomes = new List<VolumeOutcome>();
        try
        {
            // Nothing left to read (a finished scan resumed): no scanner to launch, only the final sweep.
            if (plan.Launch is not null && keeper.Current.Volumes.Any(v => !v.CleanedUp && v.ReadSummary is null))
            {
                if (await LaunchAsync(keeper, limit.Token).ConfigureAwait(false) is { } failure)
                {
                    foreach (var (instance, volume) in plan.Instances.SelectMany(i => i.Volumes.Select(v => (i, v))))
                    {
                        var progress = keeper.Current.For(volume.VolumeId);
                        if (progress.CleanedUp || progress.ReadSummary is not null)
                        {
                            outcomes.Add(new VolumeOutcome(instance, volume, plan.Mode, null, progress.ReadSummary, progress.Error));
                            continue;
                        }

                        keeper.Record(progress with { Error = failure });
                        outcomes.Add(new VolumeOutcome(instance, volume, plan.Mode, null, null, failure));
                    }

                    // What earlier runs created for the volumes (by journal), then the scanner's remains (by tag).
                    var left = await CleanupAllAsync(workflow, keeper, limit.Token).ConfigureAwait(false);
                    keeper.Finish("failed");
                    return new VmScanResult(keeper.Current.Plan, outcomes, "scanner-failed", left, cloud.Calls);
                }

                plan = keeper.Current.Plan;
                workflow = new VolumeWorkflow(cloud, access, plan, keeper, devices, disks, locator, options, events, remote);
            }

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
            return new VmScanResult(keeper.Current.Plan, outcomes, ending, left, cloud.Calls);
        }

        var leftovers = keeper.Current.Plan.Launch is null ? await SweepAsync(keeper, limit.Token).ConfigureAwait(false) : await EndScannerAsync(keeper, limit.Token).ConfigureAwait(false);
        keeper.Finish("done");
        return new VmScanResult(plan, outcomes, "done", leftovers, cloud.Calls);
    }

    /// <summary>Brings the launched scanner up (resuming where a crash stopped); returns why it failed, or null.</summary>
    private async Task<string?> LaunchAsync(JournalKeeper keeper, CancellationToken ct)
    {
        var plan = keeper.Current.Plan;
        try
        {
            var scanner = await new ScannerInfrastructure(cloud, new Ec2Resources(cloud, options), keeper, access.Scanner(plan.ScannerRegion), events).EnsureAsync(ct).ConfigureAwait(false);
            if (plan.ScannerInstanceId != scanner.InstanceId)
            {
                keeper.Record(plan with { ScannerInstanceId = scanner.InstanceId });
            }

            return null;
        }
        catch (Exception e) when (e is AwsApiException or VmScanStepException or NotArgusResourceException or System.Text.Json.JsonException)
        {
            events?.Report(new VmScanEvent("warning", null, plan.ScanId, "the scanner could not be launched: " + e.Message));
            return "the scanner could not be launched: " + e.Message;
        }
    }

    /// <summary>
    /// Ends a launched scanner: the end marker tells its worker to stop, the sweep by tag terminates it and removes
    /// its network (and anything else of the scan), then the scan's objects in the results location are removed.
    /// </summary>
    private async Task<IReadOnlyList<string>> EndScannerAsync(JournalKeeper keeper, CancellationToken ct)
    {
        var plan = keeper.Current.Plan;
        var results = plan.Launch!.Results;
        var left = new List<string>();
        try
        {
            await Results!.PutAsync(results.EndKey(plan.ScanId), [], ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            events?.Report(new VmScanEvent("warning", null, plan.ScanId, $"could not tell the worker to stop ({e.Message}); the instance is terminated anyway"));
        }

        left.AddRange(await SweepAsync(keeper, ct).ConfigureAwait(false));
        try
        {
            foreach (var key in await Results!.ListAsync(results.ScanFolder(plan.ScanId), ct).ConfigureAwait(false))
            {
                await Results.DeleteAsync(key, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            left.Add($"objects under s3://{results.Bucket}/{results.ScanFolder(plan.ScanId)}: {e.Message}");
        }

        keeper.Record((keeper.Current.Scanner ?? new ScannerProgress()) with { TornDown = left.Count == 0 });
        return left;
    }

    private async Task<VolumeOutcome> OneAsync(VolumeWorkflow workflow, JournalKeeper keeper, PlannedInstance instance, PlannedVolume volume, CancellationToken ct)
    {
        try
        {
            return await workflow.RunAsync(instance, volume, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsApiException or VmScanStepException or NotArgusResourceException or System.Text.Json.JsonException or Amazon.Runtime.AmazonServiceException)
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

        left.AddRange(keeper.Current.Plan.Launch is null ? await SweepAsync(keeper, ct).ConfigureAwait(false) : await EndScannerAsync(keeper, ct).ConfigureAwait(false));
        return left;
    }

    /// <summary>
    /// Looks for anything still tagged with this scan's id (a resource created by a request whose answer was lost)
    /// and removes it; returns what could not be removed.
    /// </summary>
    private async Task<IReadOnlyList<string>> SweepAsync(JournalKeeper keeper, CancellationToken ct)
    {
        var plan = keeper.Current.Plan;
        var contexts = plan.Instances.Select(i => (i.Account, i.Region)).Distinct().Select(i => access.TargetIn(i.Account, i.Region)).ToList();
        if (!plan.Instances.Any(i => i.Account == plan.ScannerAccount && i.Region == plan.ScannerRegion))
        {
            contexts.Add(access.Scanner(plan.ScannerRegion));
        }

        var keys = plan.Instances.SelectMany(i => i.Volumes.Where(v => v.KeyCase == KeyCase.CustomerManagedKey).Select(v => (access.TargetIn(i.Account, i.Region), v.KmsKeyId!))).ToList();
        try
        {
            var items = await new VmScanCleaner(cloud, options, events) { IncludeLaunchedScanners = plan.Launch is not null }.CleanAsync(contexts, plan.ScanId, null, keys, execute: true, ct).ConfigureAwait(false);
            return items.Where(i => i.Outcome != "removed").Select(i => $"{i.Kind} {i.Id} in {i.Region}: {i.Outcome}").ToList();
        }
        catch (AwsApiException e)
        {
            return [$"the final sweep by tag failed ({e.Message}); run 'argus vm-scan cleanup --scan-id {plan.ScanId} --execute'"];
        }
    }
}
