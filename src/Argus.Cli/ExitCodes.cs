namespace Argus.Cli;

/// <summary>Process exit codes, stable for scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad command line (System.CommandLine's own parse errors also return 1).</summary>
    public const int Usage = 1;

    /// <summary>Input that cannot be used: malformed file, unknown snapshot, hostile archive.</summary>
    public const int BadInput = 2;

    /// <summary>The store could not be opened or written.</summary>
    public const int StoreError = 3;

    /// <summary>Partly done: 'argus doctor' found a feature degraded or off; 'argus osv update' could not fetch every ecosystem.</summary>
    public const int Degraded = 4;

    /// <summary>'--fail-on': a failed finding or vulnerability at or above the given severity.</summary>
    public const int FindingsAtOrAbove = 5;

    /// <summary>Interrupted by the user.</summary>
    public const int Cancelled = 130;
}
