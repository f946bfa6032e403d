namespace Argus.Core.Import;

public enum ImportNoticeKind
{
    /// <summary>A file that is not a recognised document; it was listed and skipped.</summary>
    Skipped,

    /// <summary>A value (account, region) that the input did not state and was read from the data.</summary>
    Inferred,

    /// <summary>Anything else worth reading.</summary>
    Warning,
}
