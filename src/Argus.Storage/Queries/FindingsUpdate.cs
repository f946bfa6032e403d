namespace Argus.Storage;

/// <summary>What one <see cref="IArgusStore.RecordFindings"/> call changed.</summary>
public sealed record FindingsUpdate(int New, int StillOpen, int Resolved, int Reopened);
