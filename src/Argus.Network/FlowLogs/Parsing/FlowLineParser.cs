using System.Buffers.Text;
using System.Text;
using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.FlowLogs.Parsing;

/// <summary>
/// Parses one record line against a format. The success path allocates nothing: fields are sliced out of the
/// UTF-8 line and numbers and addresses are read in place. A bad line yields a reason naming the field.
/// </summary>
public static class FlowLineParser
{
    /// <summary>Fills <paramref name="record"/>; returns null when the line is a valid record, else why it is not.</summary>
    public static string? TryParse(ReadOnlySpan<byte> line, FlowLogFormat format, ref FlowRecord record)
    {
        record.Reset();
        var fields = format.FieldSpan;
        var index = 0;
        var at = 0;
        string? firstError = null;
        while (true)
        {
            while (at < line.Length && line[at] == (byte)' ')
            {
                at++;
            }

            if (at >= line.Length)
            {
                break;
            }

            // Numbers are read while looking for the token's end (most fields of a record are numbers): one pass
            // over their bytes instead of a search and then a parse. Anything unusual goes the general way.
            if (index < fields.Length && firstError is null && IsNumber(fields[index]))
            {
                var end = at;
                long value = 0;
                while (end < line.Length)
                {
                    var d = (uint)(line[end] - '0');
                    if (d > 9)
                    {
                        break;
                    }

                    value = (value * 10) + d;
                    end++;
                }

                if (end > at && end - at <= 18 && (end == line.Length || line[end] == (byte)' ') && SetNumber(fields[index], value, ref record))
                {
                    at = end;
                    index++;
                    continue;
                }
            }

            var space = line[at..].IndexOf((byte)' ');
            var token = space < 0 ? line[at..] : line.Slice(at, space);
            at += token.Length;
            if (index < fields.Length && firstError is null)
            {
                firstError = Assign(fields[index], token, ref record);
            }

            index++;
        }

        if (index != fields.Length)
        {
            return $"field count {index} != {fields.Length}";
        }

        if (firstError is not null)
        {
            return firstError;
        }

        if (format.Has(FlowLogField.LogStatus) && record.LogStatus == FlowLogStatus.Ok)
        {
            if (format.Has(FlowLogField.SrcAddr) && !record.HasSrcAddr)
            {
                return "log-status OK without srcaddr";
            }

            if (format.Has(FlowLogField.DstAddr) && !record.HasDstAddr)
            {
                return "log-status OK without dstaddr";
            }

            if (format.Has(FlowLogField.Action) && record.Action == FlowAction.None)
            {
                return "log-status OK without action";
            }
        }

        return null;
    }

    private static bool IsNumber(FlowLogField field) => field is FlowLogField.Version or FlowLogField.SrcPort or FlowLogField.DstPort
        or FlowLogField.Protocol or FlowLogField.TcpFlags or FlowLogField.TrafficPath or FlowLogField.Packets or FlowLogField.Bytes
        or FlowLogField.Start or FlowLogField.End;

    /// <summary>Stores a number of at most 18 digits; false when it is out of the field's range (the general path reports it).</summary>
    private static bool SetNumber(FlowLogField field, long value, ref FlowRecord r)
    {
        switch (field)
        {
            case FlowLogField.Version:
                r.Version = (int)value;
                return value <= int.MaxValue;
            case FlowLogField.SrcPort:
                r.SrcPort = (int)value;
                return value <= 65535;
            case FlowLogField.DstPort:
                r.DstPort = (int)value;
                return value <= 65535;
            case FlowLogField.Protocol:
                r.Protocol = (int)value;
                return value <= 255;
            case FlowLogField.TcpFlags:
                r.TcpFlags = (int)value;
                return value <= int.MaxValue;
            case FlowLogField.TrafficPath:
                r.TrafficPath = (int)value;
                return value <= int.MaxValue;
            case FlowLogField.Packets:
                r.Packets = value;
                return true;
            case FlowLogField.Bytes:
                r.Bytes = value;
                return true;
            case FlowLogField.Start:
                r.Start = value;
                return true;
            case FlowLogField.End:
                r.End = value;
                return true;
            default:
                return false;
        }
    }

    private static string? Assign(FlowLogField field, ReadOnlySpan<byte> token, ref FlowRecord r)
    {
        var absent = token.Length == 1 && token[0] == (byte)'-';
        switch (field)
        {
            case FlowLogField.Version:
                return Int(field, token, absent, out r.Version);
            case FlowLogField.AccountId:
                r.AccountId = absent ? default : token;
                return null;
            case FlowLogField.InterfaceId:
                r.InterfaceId = absent ? default : token;
                return null;
            case FlowLogField.VpcId:
                r.VpcId = absent ? default : token;
                return null;
            case FlowLogField.SubnetId:
                r.SubnetId = absent ? default : token;
                return null;
            case FlowLogField.InstanceId:
                r.InstanceId = absent ? default : token;
                return null;
            case FlowLogField.PktSrcAwsService:
                r.PktSrcAwsService = absent ? default : token;
                return null;
            case FlowLogField.PktDstAwsService:
                r.PktDstAwsService = absent ? default : token;
                return null;
            case FlowLogField.SrcAddr:
                return Address(field, token, absent, out r.SrcAddr, out r.HasSrcAddr);
            case FlowLogField.DstAddr:
                return Address(field, token, absent, out r.DstAddr, out r.HasDstAddr);
            case FlowLogField.PktSrcAddr:
                return Address(field, token, absent, out r.PktSrcAddr, out r.HasPktSrcAddr);
            case FlowLogField.PktDstAddr:
                return Address(field, token, absent, out r.PktDstAddr, out r.HasPktDstAddr);
            case FlowLogField.SrcPort:
                return Port(field, token, absent, out r.SrcPort);
            case FlowLogField.DstPort:
                return Port(field, token, absent, out r.DstPort);
            case FlowLogField.Protocol:
                return Int(field, token, absent, out r.Protocol) ?? (r.Protocol > 255 ? Bad(field, token) : null);
            case FlowLogField.TcpFlags:
                return Int(field, token, absent, out r.TcpFlags);
            case FlowLogField.TrafficPath:
                return Int(field, token, absent, out r.TrafficPath);
            case FlowLogField.Packets:
                return Long(field, token, absent, out r.Packets);
            case FlowLogField.Bytes:
                return Long(field, token, absent, out r.Bytes);
            case FlowLogField.Start:
                return Long(field, token, absent, out r.Start);
            case FlowLogField.End:
                return Long(field, token, absent, out r.End);
            case FlowLogField.Action:
                if (absent)
                {
                    return null;
                }

                r.Action = token.SequenceEqual("ACCEPT"u8) ? FlowAction.Accept : token.SequenceEqual("REJECT"u8) ? FlowAction.Reject : FlowAction.None;
                return r.Action == FlowAction.None ? Bad(field, token) : null;
            case FlowLogField.LogStatus:
                if (token.SequenceEqual("OK"u8))
                {
                    r.LogStatus = FlowLogStatus.Ok;
                }
                else if (token.SequenceEqual("NODATA"u8))
                {
                    r.LogStatus = FlowLogStatus.NoData;
                }
                else if (token.SequenceEqual("SKIPDATA"u8))
                {
                    r.LogStatus = FlowLogStatus.SkipData;
                }
                else
                {
                    return Bad(field, token);
                }

                return null;
            case FlowLogField.FlowDirection:
                if (absent)
                {
                    return null;
                }

                r.Direction = token.SequenceEqual("ingress"u8) ? FlowDirection.Ingress : token.SequenceEqual("egress"u8) ? FlowDirection.Egress : FlowDirection.Unknown;
                return r.Direction == FlowDirection.Unknown ? Bad(field, token) : null;
            default:
                // Fields the analysis does not use (type, region, az-id, ECS fields, reject-reason ...) are carried over unread.
                return null;
        }
    }

    private static string? Int(FlowLogField field, ReadOnlySpan<byte> token, bool absent, out int value)
    {
        value = -1;
        if (absent)
        {
            return null;
        }

        if (token.Length <= 9 && Digits(token, out var digits))
        {
            value = (int)digits;
            return null;
        }

        return Utf8Parser.TryParse(token, out value, out var used) && used == token.Length && value >= 0 ? null : NonNumeric(field, token);
    }

    private static string? Long(FlowLogField field, ReadOnlySpan<byte> token, bool absent, out long value)
    {
        value = -1;
        if (absent)
        {
            return null;
        }

        if (token.Length <= 18 && Digits(token, out value))
        {
            return null;
        }

        return Utf8Parser.TryParse(token, out value, out var used) && used == token.Length && value >= 0 ? null : NonNumeric(field, token);
    }

    /// <summary>
    /// Plain decimal digits, short enough not to overflow: every number a flow log writes. Utf8Parser's general
    /// parse (signs, overflow checks) was a tenth of parsing; it still decides everything else, so what is
    /// accepted and the error for what is not stay the same.
    /// </summary>
    private static bool Digits(ReadOnlySpan<byte> token, out long value)
    {
        value = 0;
        if (token.IsEmpty)
        {
            return false;
        }

        foreach (var b in token)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static string? Port(FlowLogField field, ReadOnlySpan<byte> token, bool absent, out int value) =>
        Int(field, token, absent, out value) ?? (value > 65535 ? $"{FlowLogFields.NameOf(field)} {value} is not a port" : null);

    private static string? Address(FlowLogField field, ReadOnlySpan<byte> token, bool absent, out IpAddress128 value, out bool has)
    {
        value = default;
        has = false;
        if (absent)
        {
            return null;
        }

        has = IpAddress128.TryParse(token, out value);
        return has ? null : Bad(field, token);
    }

    private static string NonNumeric(FlowLogField field, ReadOnlySpan<byte> token) =>
        $"non-numeric {FlowLogFields.NameOf(field)}='{Shown(token)}'";

    private static string Bad(FlowLogField field, ReadOnlySpan<byte> token) =>
        $"invalid {FlowLogFields.NameOf(field)}='{Shown(token)}'";

    // Garbage may be long or binary: show a bounded, printable excerpt.
    private static string Shown(ReadOnlySpan<byte> token)
    {
        var text = Encoding.UTF8.GetString(token[..Math.Min(token.Length, 40)]);
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return token.Length > 40 ? clean + "..." : clean;
    }
}
