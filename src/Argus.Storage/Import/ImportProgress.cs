namespace Argus.Storage.Import;

/// <summary>Progress of an import: documents read, or groups normalized out of <see cref="Total"/>.</summary>
public sealed record ImportProgress(ImportStage Stage, long Done, long? Total, string Current);
