namespace Argus.Core.Permissions;

/// <summary>Whether a cloud call only reads metadata or changes something. Writes belong to opt-in features.</summary>
public enum AccessLevel
{
    Read,
    Write,
}
