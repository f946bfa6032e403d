namespace Argus.Core.Import;

/// <summary>Input that cannot be imported. Names the file and, where known, the line and column.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string path, string message, long? line = null, long? column = null, Exception? inner = null)
        : base(Format(path, message, line, column), inner)
    {
        Path = path;
        Line = line;
        Column = column;
    }

    public string Path { get; }

    /// <summary>1-based line, when known.</summary>
    public long? Line { get; }

    /// <summary>1-based column (byte in line), when known.</summary>
    public long? Column { get; }

    /// <summary>Wraps a System.Text.Json error with its position, converted to 1-based numbers.</summary>
    public static ImportException FromJson(string path, System.Text.Json.JsonException e) =>
        new(path, $"malformed JSON: {FirstSentence(e.Message)}", e.LineNumber + 1, e.BytePositionInLine + 1, e);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }

    private static string Format(string path, string message, long? line, long? column) =>
        line is null ? $"{path}: {message}" : $"{path}:{line}:{column ?? 1}: {message}";
}
