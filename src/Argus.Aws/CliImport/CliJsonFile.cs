using System.Text;
using System.Text.Json;
using Argus.Core.Import;
using Argus.Core.Json;

namespace Argus.Aws.CliImport;

/// <summary>Reads one AWS CLI output file as UTF-8 JSON, whatever shell wrote it.</summary>
internal static class CliJsonFile
{
    /// <summary>
    /// The file's bytes as UTF-8 without a byte order mark, or null when it holds only whitespace (what the AWS CLI
    /// prints for an answer with no body, such as <c>get-bucket-versioning</c> on a bucket never versioned).
    /// PowerShell's <c>&gt;</c> writes UTF-16 with a byte order mark; that is converted.
    /// </summary>
    public static byte[]? ReadUtf8(string path, long maxBytes)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new ImportException(path, $"file is {length:N0} bytes, over the {maxBytes:N0}-byte limit for one AWS CLI answer; split it into pages (--max-items) in separate files");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, $"cannot read the file: {e.Message}", inner: e);
        }

        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bytes = Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bytes = Encoding.UTF8.GetBytes(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
        }

        return bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty ? null : bytes;
    }

    public static JsonDocument Parse(string path, byte[] utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, JsonText.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ImportException.FromJson(path, e);
        }
    }
}
