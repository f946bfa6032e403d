namespace Argus.VmScan.Workflow;

/// <summary>The journal of the scan in progress, saved to disk after every step.</summary>
internal sealed class JournalKeeper(JournalFolder folder, ScanJournal journal)
{
    public ScanJournal Current { get; private set; } = journal;

    public VolumeProgress Record(VolumeProgress progress)
    {
        Current = Current.With(progress);
        folder.Save(Current);
        return progress;
    }

    public Scanner.ScannerProgress Record(Scanner.ScannerProgress progress)
    {
        Current = Current with { Scanner = progress };
        folder.Save(Current);
        return progress;
    }

    /// <summary>The plan once the launched scanner is known (its instance id), so the volume steps attach to it.</summary>
    public ScanPlan Record(ScanPlan plan)
    {
        Current = Current with { Plan = plan };
        folder.Save(Current);
        return plan;
    }

    public void Finish(string state)
    {
        Current = Current with { State = state };
        folder.Save(Current);
    }
}
