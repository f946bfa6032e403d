namespace Argus.Core.Model;

public enum Severity
{
    Informational,
    Low,
    Medium,
    High,
    Critical,
}
