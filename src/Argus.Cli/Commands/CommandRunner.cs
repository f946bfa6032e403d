using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Core.Import;
using Argus.Storage;

namespace Argus.Cli.Commands;

/// <summary>
/// Runs a command's body and turns the errors a user can act on into one clear line and an exit code.
/// Anything unexpected still prints its type and message, never credentials, and exits non-zero.
/// </summary>
public static class CommandRunner
{
    public static void SetAction(this Command command, CliContext context, Func<ParseResult, CancellationToken, int> body) =>
        command.SetAction((parse, cancellation) => Task.FromResult(Run(context, () => body(parse, cancellation))));

    public static int Run(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (ImportException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            context.Error.WriteLine("Nothing was stored.");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("cancelled; nothing was stored.");
            return ExitCodes.Cancelled;
        }
        catch (StoreException e)
        {
            context.Error.WriteLine($"error: store: {e.Message}");
            return ExitCodes.StoreError;
        }
    }

    /// <summary>Finds a snapshot or explains which ones exist.</summary>
    public static Core.Model.Snapshot ResolveSnapshot(IArgusStore store, string idOrPrefix)
    {
        Core.Model.Snapshot? snapshot;
        try
        {
            snapshot = store.FindSnapshot(idOrPrefix);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }

        return snapshot ?? throw new CliException(store.ListSnapshots().Count == 0
            ? $"no snapshots in {store.Description}; run 'argus demo' or 'argus import PATH' first"
            : $"no snapshot '{idOrPrefix}' in {store.Description}; 'argus snapshots' lists them");
    }
}
