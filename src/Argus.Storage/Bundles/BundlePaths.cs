using System.Security.Cryptography;
using System.Text;
using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>
/// Where documents go in a bundle, and which relative paths a bundle may contain. Every path segment is escaped
/// so that any account, operation or resource name (an ARN with '/' and ':', a name with spaces or non-ASCII
/// letters) becomes one portable file name.
/// </summary>
internal static class BundlePaths
{
    public const string Manifest = "manifest.json";

    /// <summary>Escaped segments longer than this are shortened and made unique by a hash.</summary>
    private const int MaxSegment = 120;

    /// <summary>
    /// <c>&lt;provider&gt;/&lt;account&gt;/&lt;region&gt;/&lt;service&gt;/&lt;Operation&gt;.json</c>, or
    /// <c>.../&lt;Operation&gt;/&lt;resource&gt;.json</c> for per-resource documents.
    /// </summary>
    public static string DocumentPath(RawDocument document)
    {
        var folder = string.Join('/', Segment(document.Provider.ToName()), Segment(document.Account), Segment(document.Region), Segment(document.Service));
        return document.Resource is null
            ? $"{folder}/{Segment(document.Operation)}.json"
            : $"{folder}/{Segment(document.Operation)}/{Segment(document.Resource)}.json";
    }

    /// <summary>The same path with a hash of the resource in its last segment, for names that differ only in case.</summary>
    public static string Disambiguated(string path, RawDocument document)
    {
        var cut = path.LastIndexOf('/');
        var name = path[(cut + 1)..^".json".Length];
        return $"{path[..(cut + 1)]}{name}~{Hash(document.ToString())}.json";
    }

    /// <summary>
    /// Percent-encodes every byte of the UTF-8 name except ASCII letters, digits, '-', '_' and a '.' that does not
    /// lead (so no segment is '.' or '..' or hidden). Long names keep a readable start and end in '~' and a hash;
    /// '~' is never produced by escaping, so such names cannot collide with escaped ones.
    /// </summary>
    public static string Segment(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && escaped.Length > 0))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (escaped.Length == 0)
        {
            return "~" + Hash(value);
        }

        if (escaped.Length <= MaxSegment)
        {
            return escaped.ToString();
        }

        // Cut before a %XX escape rather than through it.
        var start = escaped.ToString(0, MaxSegment - 20);
        var percent = start.LastIndexOf('%');
        if (percent > start.Length - 3)
        {
            start = start[..percent];
        }

        return $"{start}~{Hash(value)}";
    }

    /// <summary>Null when <paramref name="path"/> is a plain relative path inside the bundle, else why it is not.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
        {
            return "the path is empty";
        }

        if (path.Contains('\\') || path.Contains('\0'))
        {
            return "the path contains a backslash or NUL character";
        }

        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
        {
            return "the path is absolute";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                return "the path has a '..' segment that leads outside the bundle";
            }

            if (segment is "" or ".")
            {
                return "the path has an empty or '.' segment";
            }
        }

        return null;
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
