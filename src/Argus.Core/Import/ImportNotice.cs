namespace Argus.Core.Import;

/// <summary>Something the user should know about an import that did not stop it (a skipped file, an inferred account).</summary>
public sealed record ImportNotice(ImportNoticeKind Kind, string Path, string Message)
{
    public override string ToString() => $"{Kind}: {Path}: {Message}";
}
