using System.Buffers.Binary;
using System.Text;

namespace Argus.VmScan.Tests.Support;

/// <summary>
/// A minimal little-endian ELF64 file, optionally with a .go.buildinfo section in the Go 1.18+ layout (magic,
/// pointer size, flags with inline strings, then the varint-prefixed Go version and module information).
/// </summary>
internal static class GoElf
{
    public static byte[] Build(string? goVersion, string modInfo = "", int padding = 4096)
    {
        var names = "\0.shstrtab\0.go.buildinfo\0"u8.ToArray();
        var info = new List<byte>();
        if (goVersion is not null)
        {
            info.AddRange([0xff, .. " Go buildinf:"u8, 8, 2]);
            info.AddRange(new byte[32 - info.Count]);
            foreach (var text in new[] { goVersion, new string('\0', 16) + modInfo + "\n" + new string('\0', 16) })
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var n = (uint)bytes.Length; ; n >>= 7)
                {
                    info.Add((byte)(n < 0x80 ? n : (n & 0x7f) | 0x80));
                    if (n < 0x80)
                    {
                        break;
                    }
                }

                info.AddRange(bytes);
            }
        }

        var namesAt = 64L + padding;
        var infoAt = namesAt + names.Length;
        var sectionsAt = (infoAt + info.Count + 7) & ~7L;
        var count = goVersion is null ? 2 : 3;
        var file = new byte[sectionsAt + (count * 64)];
        "\u007fELF"u8.CopyTo(file);
        file[4] = 2;
        file[5] = 1;
        file[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x10), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x12), 0x3E);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x28), (ulong)sectionsAt);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x34), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3C), (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3E), 1);
        names.CopyTo(file, namesAt);
        info.ToArray().CopyTo(file, infoAt);
        Section(file, sectionsAt + 64, 1, namesAt, names.Length);
        if (goVersion is not null)
        {
            Section(file, sectionsAt + 128, 11, infoAt, info.Count);
        }

        return file;
    }

    private static void Section(byte[] file, long at, uint name, long offset, long size)
    {
        var e = file.AsSpan((int)at, 64);
        BinaryPrimitives.WriteUInt32LittleEndian(e, name);
        BinaryPrimitives.WriteUInt64LittleEndian(e[0x18..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(e[0x20..], (ulong)size);
    }
}
