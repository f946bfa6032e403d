using Spectre.Console;

namespace Argus.Cli.Terminal;

/// <summary>Spectre consoles bound to the writers a command was given, so tests can capture output.</summary>
public static class Consoles
{
    public static IAnsiConsole For(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
