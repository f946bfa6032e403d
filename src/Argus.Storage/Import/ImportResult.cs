using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Storage.Import;

/// <summary>The committed snapshot, with what was skipped or inferred and what normalizers could not read.</summary>
public sealed record ImportResult(
    Snapshot Snapshot,
    IReadOnlyList<ImportNotice> Notices,
    IReadOnlyList<string> NormalizerWarnings,
    TimeSpan Elapsed);
