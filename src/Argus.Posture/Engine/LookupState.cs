namespace Argus.Posture.Engine;

/// <summary>What the snapshot says about one answer a check needs.</summary>
public enum LookupState
{
    /// <summary>The answer is stored.</summary>
    Found,

    /// <summary>
    /// No answer is stored, the operation's "nothing configured" error explains that (no password policy, no bucket
    /// policy, Security Hub not enabled), and the same scope was otherwise collected: the setting is absent.
    /// </summary>
    Absent,

    /// <summary>No answer and nothing says the setting is absent: the check reports NOT_AUTHORIZED or ERROR.</summary>
    Missing,
}
