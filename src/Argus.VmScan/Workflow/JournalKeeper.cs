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

    public void Finish(string state)
    {
        Current = Current with { State = state };
        folder.Save(Current);
    }
}
