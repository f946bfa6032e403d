using Argus.Storage;

namespace Argus.Cli.Wiring;

/// <summary>Opens the store named by <c>--db</c>, else <c>ARGUS_DB</c>, else the default SQLite file.</summary>
public static class Stores
{
    public const string EnvironmentVariable = "ARGUS_DB";

    public static IArgusStore Open(string? option)
    {
        var location = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : option;
        try
        {
            return StoreFactory.Open(location);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message, ExitCodes.StoreError);
        }
        catch (Exception e) when (e is not CliException)
        {
            throw new CliException($"cannot open the store: {e.Message}", ExitCodes.StoreError);
        }
    }
}
