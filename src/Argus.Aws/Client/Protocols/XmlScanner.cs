using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// A strict forward scanner over a UTF-8 XML answer, for the subset AWS's ec2 and query answers use: an optional
/// declaration, comments and processing instructions (skipped), elements with attributes (namespace prefixes are
/// dropped: names compare by local name, as the model's names do), text with the five predefined entities and
/// numeric character references, CDATA sections. A DTD is refused, as the XmlReader it replaces refused it. Names and
/// text are handed out as UTF-8 spans into the answer (or into a scratch buffer when decoding changed them), so reading
/// allocates nothing per element. Anything malformed fails with the byte offset, line and column.
/// </summary>
/// <remarks>
/// The calls follow one protocol: <see cref="ReadRoot"/> reads the root's start tag; after any start tag the caller
/// consumes the element with <see cref="NextChild"/> (until false), <see cref="Skip"/> or <see cref="ReadText"/>;
/// <see cref="End"/> checks that nothing but comments and whitespace follows the root.
/// </remarks>
internal sealed class XmlScanner
{
    private const int MaxAttributes = 16;

    // Where plain text stops: markup, a reference, a CR to normalize, or a control character XML does not allow.
    private static readonly SearchValues<byte> TextStops = SearchValues.Create(
        [(byte)'<', (byte)'&', 0, 1, 2, 3, 4, 5, 6, 7, 8, 0xB, 0xC, 0xD, 0xE, 0xF, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    // Name characters: 1 may start a name, 2 may continue one. Non-ASCII bytes are accepted (the answer is valid
    // UTF-8, and AWS's names are ASCII).
    private static readonly SearchValues<byte> NameChars = SearchValues.Create(
        "-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"u8.ToArray().Concat(Enumerable.Range(0x80, 0x80).Select(b => (byte)b)).ToArray());

    private static ReadOnlySpan<byte> NameTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 0, 0, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    ];

    // The answer is data[origin..limit]; every position is an index into data.
    private readonly byte[] data;
    private readonly int origin;
    private readonly int limit;
    private readonly (int Start, int Length)[] attributeNames = new (int, int)[MaxAttributes];
    private readonly (int Start, int Length, bool Plain)[] attributeValues = new (int, int, bool)[MaxAttributes];
    private (int Start, int Length)[] openNames = new (int, int)[32];
    private int depth;
    private byte[] scratch = [];
    private int scratchLength;
    private int pos;
    private int nameStart;
    private int nameLength;
    private int localStart;

    /// <param name="answer">The answer's bytes; offsets in errors count from its start.</param>
    public XmlScanner(ReadOnlyMemory<byte> answer)
    {
        var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(answer, out var array) ? array : new ArraySegment<byte>(answer.ToArray());
        data = segment.Array!;
        origin = segment.Offset;
        limit = segment.Offset + segment.Count;
        pos = origin;
    }

    /// <summary>The local name (after any prefix) of the element whose start tag was read last.</summary>
    public ReadOnlySpan<byte> LocalName => data.AsSpan(localStart, nameStart + nameLength - localStart);

    /// <summary>Whether the start tag read last closed itself (<c>&lt;a/&gt;</c>).</summary>
    public bool IsEmptyElement { get; private set; }

    /// <summary>How many attributes the start tag read last has.</summary>
    public int AttributeCount { get; private set; }

    /// <summary>Reads up to the root element's start tag: the declaration, comments and whitespace before it; no DTD.</summary>
    public void ReadRoot()
    {
        if (!Utf8.IsValid(From(origin)))
        {
            throw Error(limit - Utf8Tail(From(origin)), "the answer is not valid UTF-8");
        }

        if (From(origin).StartsWith("\uFEFF"u8))
        {
            pos += 3;
        }

        if (From(pos).StartsWith("<?xml"u8) && limit > pos + 5 && IsSpace(data[pos + 5]))
        {
            SkipPast(pos, "?>"u8, "an unterminated XML declaration");
        }

        SkipMisc();
        if (pos >= limit)
        {
            throw new InvalidDataException("the answer is an empty XML document");
        }

        if (data[pos] != '<')
        {
            throw Error(pos, "text before the root element");
        }

        ReadStartTag();
    }

    /// <summary>After the root element: only comments, processing instructions and whitespace may follow.</summary>
    public void End()
    {
        SkipMisc();
        if (pos < limit)
        {
            throw Error(pos, "content after the root element");
        }
    }

    /// <summary>
    /// Within the element whose start tag was read (not empty): reads the next child's start tag and returns true, or
    /// reads the element's end tag and returns false. Text between children is checked and passed over.
    /// </summary>
    public bool NextChild()
    {
        while (true)
        {
            if (pos >= limit)
            {
                throw Error(limit, $"the document ends inside element <{OpenName()}>");
            }

            var b = data[pos];
            if (b != '<')
            {
                var next = From(pos).IndexOfAny(TextStops);
                if (next < 0)
                {
                    throw Error(limit, $"the document ends inside element <{OpenName()}>");
                }

                pos += next;
                b = data[pos];
                if (b == '&')
                {
                    pos = Reference(pos, null);
                    continue;
                }

                if (b != '<')
                {
                    pos = ControlCharacter(pos);
                    continue;
                }
            }

            if (pos + 1 < limit && data[pos + 1] == '/')
            {
                ReadEndTag();
                return false;
            }

            if (ReadMarkup(null))
            {
                continue;
            }

            ReadStartTag();
            return true;
        }
    }

    /// <summary>At a control character in text: a CR is passed over (normalized by who keeps the text); others fail.</summary>
    private int ControlCharacter(int at)
    {
        if (data[at] != '\r')
        {
            throw Error(at, $"the control character 0x{data[at]:X2}, which XML does not allow");
        }

        return at + 1;
    }

    /// <summary>Passes over the element whose start tag was read, its descendants included.</summary>
    public void Skip()
    {
        if (IsEmptyElement)
        {
            return;
        }

        var outer = depth;
        while (depth >= outer)
        {
            NextChild();
        }
    }

    /// <summary>
    /// The text of the element whose start tag was read, its descendants' included (as <c>XElement.Value</c>), with
    /// references decoded and line ends normalized; consumes the element. The span is valid until the next read.
    /// </summary>
    public ReadOnlySpan<byte> ReadText()
    {
        if (IsEmptyElement)
        {
            return [];
        }

        // The common case: plain text straight up to this element's end tag, handed out in place.
        var start = pos;
        var end = From(pos).IndexOfAny(TextStops);
        if (end >= 0 && data[pos + end] == '<' && pos + end + 1 < limit && data[pos + end + 1] == '/')
        {
            pos += end;
            ReadEndTag();
            return data.AsSpan(start, end);
        }

        scratchLength = 0;
        var outer = depth;
        while (depth >= outer)
        {
            var next = From(pos).IndexOfAny(TextStops);
            if (next < 0)
            {
                throw Error(limit, $"the document ends inside element <{OpenName()}>");
            }

            Append(data.AsSpan(pos, next));
            pos += next;
            switch (data[pos])
            {
                case (byte)'&':
                    pos = Reference(pos, true);
                    break;
                case (byte)'<':
                    if (pos + 1 < limit && data[pos + 1] == '/')
                    {
                        ReadEndTag();
                    }
                    else if (!ReadMarkup(true))
                    {
                        ReadStartTag();
                    }

                    break;
                default:
                    // XML's end-of-line handling: CR LF and a lone CR are read as LF.
                    pos = ControlCharacter(pos);
                    Append("\n"u8);
                    if (pos < limit && data[pos] == '\n')
                    {
                        pos++;
                    }

                    break;
            }
        }

        return scratch.AsSpan(0, scratchLength);
    }

    /// <summary>The value of the start tag's attribute with this local name (decoded, normalized), or null.</summary>
    public string? Attribute(string localName)
    {
        for (var i = 0; i < AttributeCount; i++)
        {
            var (start, length) = attributeNames[i];
            var name = data.AsSpan(start, length);
            var colon = name.IndexOf((byte)':');
            if (Encoding.UTF8.GetString(name[(colon + 1)..]) != localName)
            {
                continue;
            }

            var (valueStart, valueLength, plain) = attributeValues[i];
            if (plain)
            {
                return Encoding.UTF8.GetString(data, valueStart, valueLength);
            }

            // Attribute-value normalization: each whitespace character (not a referenced one) becomes a space.
            scratchLength = 0;
            var at = valueStart;
            var end = valueStart + valueLength;
            while (at < end)
            {
                var b = data[at];
                if (b == '&')
                {
                    at = Reference(at, true);
                    continue;
                }

                if (b == '\r' && at + 1 < end && data[at + 1] == '\n')
                {
                    at++;
                }

                Append(b is (byte)'\t' or (byte)'\n' or (byte)'\r' ? " "u8 : data.AsSpan(at, 1));
                at++;
            }

            return Encoding.UTF8.GetString(scratch, 0, scratchLength);
        }

        return null;
    }

    /// <summary>The error for malformed input at a byte offset, with its line and column (1-based, in characters).</summary>
    public InvalidDataException Error(int at, string what)
    {
        var offset = Math.Min(at, limit) - origin;
        var before = data.AsSpan(origin, offset);
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return new InvalidDataException($"the answer is not well-formed XML (byte {offset}, line {line}, column {column}): {what}");
    }

    /// <summary>
    /// At <c>&lt;</c>: a comment, processing instruction or CDATA section is read (CDATA's text appended when
    /// <paramref name="keepText"/> is true) and true returned; a DTD fails; a start tag returns false, unread.
    /// </summary>
    private bool ReadMarkup(bool? keepText)
    {
        var rest = From(pos);
        if (rest.StartsWith("<!--"u8))
        {
            pos += 4;
            SkipPast(pos - 4, "-->"u8, "an unterminated comment");
            return true;
        }

        if (rest.StartsWith("<![CDATA["u8))
        {
            var start = pos + 9;
            var length = From(start).IndexOf("]]>"u8);
            if (length < 0)
            {
                throw Error(pos, "an unterminated CDATA section");
            }

            CheckChars(start, start + length);
            if (keepText == true)
            {
                AppendNormalized(start, length);
            }

            pos = start + length + 3;
            return true;
        }

        if (rest.StartsWith("<!DOCTYPE"u8))
        {
            throw Error(pos, "a DTD (DOCTYPE), which AWS answers never carry and the reader refuses");
        }

        if (rest.StartsWith("<?"u8))
        {
            pos += 2;
            SkipPast(pos - 2, "?>"u8, "an unterminated processing instruction");
            return true;
        }

        if (rest.StartsWith("<!"u8))
        {
            throw Error(pos, "markup declarations are not allowed");
        }

        return false;
    }

    /// <summary>At <c>&lt;</c>: reads a start tag and its attributes; pushes it unless empty.</summary>
    private void ReadStartTag()
    {
        var at = pos + 1;
        var (start, length) = Name(at);
        if (length == 0)
        {
            throw Error(at, "'<' not followed by an element name");
        }

        nameStart = start;
        nameLength = length;
        var colon = data.AsSpan(start, length).IndexOf((byte)':');
        localStart = start + colon + 1;
        at = start + length;
        AttributeCount = 0;
        while (true)
        {
            var spaced = SkipSpace(ref at);
            if (at >= limit)
            {
                throw Error(at, $"the document ends inside the start tag of <{Text(start, length)}>");
            }

            if (data[at] == '>')
            {
                IsEmptyElement = false;
                Push(start, length);
                pos = at + 1;
                return;
            }

            if (data[at] == '/')
            {
                if (at + 1 >= limit || data[at + 1] != '>')
                {
                    throw Error(at, $"'/' not followed by '>' in the start tag of <{Text(start, length)}>");
                }

                IsEmptyElement = true;
                pos = at + 2;
                return;
            }

            if (!spaced)
            {
                throw Error(at, $"an unexpected '{(char)data[at]}' in the start tag of <{Text(start, length)}>");
            }

            at = ReadAttribute(at);
        }
    }

    private int ReadAttribute(int at)
    {
        var (start, length) = Name(at);
        if (length == 0)
        {
            throw Error(at, "an attribute without a name");
        }

        at = start + length;
        SkipSpace(ref at);
        if (at >= limit || data[at] != '=')
        {
            throw Error(at, $"attribute {Text(start, length)} has no '='");
        }

        at++;
        SkipSpace(ref at);
        if (at >= limit || data[at] is not ((byte)'"' or (byte)'\''))
        {
            throw Error(at, $"attribute {Text(start, length)}'s value is not quoted");
        }

        var quote = data[at];
        var valueStart = at + 1;
        var valueLength = From(valueStart).IndexOf(quote);
        if (valueLength < 0)
        {
            throw Error(at, $"attribute {Text(start, length)}'s value is not closed");
        }

        var value = data.AsSpan(valueStart, valueLength);
        if (value.IndexOf((byte)'<') is var lt and >= 0)
        {
            throw Error(valueStart + lt, $"a '<' in attribute {Text(start, length)}'s value");
        }

        CheckChars(valueStart, valueStart + valueLength);
        var plain = value.IndexOfAny("&\t\n\r"u8) < 0;
        for (var amp = value.IndexOf((byte)'&'); amp >= 0;)
        {
            var after = Reference(valueStart + amp, null);
            var next = data.AsSpan(after, valueStart + valueLength - after).IndexOf((byte)'&');
            amp = next < 0 ? -1 : after - valueStart + next;
        }

        for (var i = 0; i < AttributeCount; i++)
        {
            if (data.AsSpan(attributeNames[i].Start, attributeNames[i].Length).SequenceEqual(data.AsSpan(start, length)))
            {
                throw Error(start, $"attribute {Text(start, length)} appears twice");
            }
        }

        if (AttributeCount == MaxAttributes)
        {
            throw Error(start, $"more than {MaxAttributes} attributes on one element");
        }

        attributeNames[AttributeCount] = (start, length);
        attributeValues[AttributeCount] = (valueStart, valueLength, plain);
        AttributeCount++;
        return valueStart + valueLength + 1;
    }

    /// <summary>At <c>&lt;/</c>: reads an end tag, which must close the innermost open element.</summary>
    private void ReadEndTag()
    {
        var at = pos + 2;
        var (start, length) = Name(at);
        if (depth == 0)
        {
            throw Error(pos, "an end tag with no element open");
        }

        var (openStart, openLength) = openNames[depth - 1];
        if (!data.AsSpan(start, length).SequenceEqual(data.AsSpan(openStart, openLength)))
        {
            throw Error(pos, $"</{Text(start, length)}> closes <{Text(openStart, openLength)}>");
        }

        at = start + length;
        SkipSpace(ref at);
        if (at >= limit || data[at] != '>')
        {
            throw Error(at, $"the end tag </{Text(start, length)}> is not closed by '>'");
        }

        depth--;
        pos = at + 1;
    }

    /// <summary>
    /// At <c>&amp;</c>: checks an entity or character reference, appends its character when <paramref name="keep"/>
    /// is true, and returns the offset after its <c>;</c>.
    /// </summary>
    private int Reference(int at, bool? keep)
    {
        var end = data.AsSpan(at, Math.Min(32, limit - at)).IndexOf((byte)';');
        if (end < 0)
        {
            throw Error(at, "an '&' that starts no entity or character reference (write &amp;)");
        }

        var name = data.AsSpan(at + 1, end - 1);
        ReadOnlySpan<byte> text = name switch
        {
            _ when name.SequenceEqual("lt"u8) => "<"u8,
            _ when name.SequenceEqual("gt"u8) => ">"u8,
            _ when name.SequenceEqual("amp"u8) => "&"u8,
            _ when name.SequenceEqual("quot"u8) => "\""u8,
            _ when name.SequenceEqual("apos"u8) => "'"u8,
            _ => [],
        };
        if (text.IsEmpty)
        {
            if (name.Length < 2 || name[0] != '#')
            {
                throw Error(at, $"the undeclared entity &{Text(at + 1, end - 1)};");
            }

            var hex = name[1] == 'x';
            var digits = name[(hex ? 2 : 1)..];
            var code = 0;
            foreach (var d in digits)
            {
                var value = d is >= (byte)'0' and <= (byte)'9' ? d - '0'
                    : hex && d is >= (byte)'a' and <= (byte)'f' ? d - 'a' + 10
                    : hex && d is >= (byte)'A' and <= (byte)'F' ? d - 'A' + 10 : -1;
                if (value < 0 || code > 0x10FFFF)
                {
                    code = -1;
                    break;
                }

                code = (code * (hex ? 16 : 10)) + value;
            }

            if (digits.IsEmpty || code < 0 || !IsXmlChar(code))
            {
                throw Error(at, $"&{Text(at + 1, end - 1)}; is not a character XML allows");
            }

            if (keep == true)
            {
                Span<byte> utf8 = stackalloc byte[4];
                var written = new Rune(code).EncodeToUtf8(utf8);
                Append(utf8[..written]);
            }

            return at + end + 1;
        }

        if (keep == true)
        {
            Append(text);
        }

        return at + end + 1;
    }

    private static bool IsXmlChar(int code) =>
        code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>Control characters XML does not allow (the non-ASCII ones are checked as valid UTF-8).</summary>
    private void CheckChars(int start, int end)
    {
        var span = data.AsSpan(start, end - start);
        var bad = span.IndexOfAnyInRange((byte)0, (byte)0x1F);
        while (bad >= 0)
        {
            if (span[bad] is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                throw Error(start + bad, $"the control character 0x{span[bad]:X2}, which XML does not allow");
            }

            var next = span[(bad + 1)..].IndexOfAnyInRange((byte)0, (byte)0x1F);
            bad = next < 0 ? -1 : bad + 1 + next;
        }
    }

    private (int Start, int Length) Name(int at)
    {
        if (at >= limit || (NameTable[data[at]] & 1) == 0)
        {
            return (at, 0);
        }

        var length = From(at + 1).IndexOfAnyExcept(NameChars);
        return (at, length < 0 ? limit - at : length + 1);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private bool SkipSpace(ref int at)
    {
        var start = at;
        while (at < limit && IsSpace(data[at]))
        {
            at++;
        }

        return at > start;
    }

    /// <summary>Whitespace, comments and processing instructions (outside the root element).</summary>
    private void SkipMisc()
    {
        while (true)
        {
            SkipSpace(ref pos);
            if (pos < limit && data[pos] == '<' && pos + 1 < limit && data[pos + 1] is (byte)'!' or (byte)'?'
                && !From(pos).StartsWith("<![CDATA["u8) && ReadMarkup(null))
            {
                continue;
            }

            return;
        }
    }

    /// <summary>Past the terminator of the construct that starts at <paramref name="opening"/> (named in the error).</summary>
    private void SkipPast(int opening, ReadOnlySpan<byte> terminator, string what)
    {
        var at = From(pos).IndexOf(terminator);
        if (at < 0)
        {
            throw Error(opening, what);
        }

        pos += at + terminator.Length;
    }

    private void AppendNormalized(int start, int length)
    {
        var span = data.AsSpan(start, length);
        for (var cr = span.IndexOf((byte)'\r'); cr >= 0; cr = span.IndexOf((byte)'\r'))
        {
            Append(span[..cr]);
            Append("\n"u8);
            span = span[(cr + (cr + 1 < span.Length && span[cr + 1] == '\n' ? 2 : 1))..];
        }

        Append(span);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (scratchLength + bytes.Length > scratch.Length)
        {
            Array.Resize(ref scratch, Math.Max(256, Math.Max(scratch.Length * 2, scratchLength + bytes.Length)));
        }

        bytes.CopyTo(scratch.AsSpan(scratchLength));
        scratchLength += bytes.Length;
    }

    private ReadOnlySpan<byte> From(int at) => data.AsSpan(at, limit - at);

    private string OpenName() => depth == 0 ? "" : Text(openNames[depth - 1].Start, openNames[depth - 1].Length);

    private void Push(int start, int length)
    {
        if (depth == openNames.Length)
        {
            Array.Resize(ref openNames, depth * 2);
        }

        openNames[depth++] = (start, length);
    }

    private string Text(int start, int length) => Encoding.UTF8.GetString(data, start, Math.Min(length, 80));

    /// <summary>How many bytes at the end of the answer start at its first invalid UTF-8 sequence.</summary>
    private static int Utf8Tail(ReadOnlySpan<byte> answer)
    {
        var status = Utf8.ToUtf16(answer, new char[answer.Length], out var read, out _, replaceInvalidSequences: false);
        return status == OperationStatus.Done ? 0 : answer.Length - read;
    }
}
