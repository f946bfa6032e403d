namespace Argus.Storage;

/// <summary>
/// A store problem the user can act on: the store cannot be opened, its schema is newer than this build, it is
/// busy, or stored data breaks a constraint. Messages name the store by its description and never hold a password.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
