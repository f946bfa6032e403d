namespace Argus.Storage.Tests.Support;

/// <summary>
/// On a test class: its <see cref="StoreFactAttribute"/> tests run only when the environment variable is set,
/// and are reported as skipped, with the reason, when it is not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;
}
