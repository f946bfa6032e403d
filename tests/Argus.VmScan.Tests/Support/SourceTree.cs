using System.Text;

namespace Argus.VmScan.Tests.Support;

/// <summary>A generated tree that exercises the ext readers: many files, deep and large directories, sparse and big files, all kinds of links.</summary>
internal static class SourceTree
{
    public static string Build(string folder, int largeDirectory = 3000)
    {
        var root = Path.Combine(folder, "src");
        var random = new Random(9);
        Directory.CreateDirectory(Path.Combine(root, "many"));
        for (var i = 0; i < 300; i++)
        {
            File.WriteAllBytes(Path.Combine(root, "many", $"file{i:d3}.bin"), Bytes(random, random.Next(1, 20_000)));
        }

        var deep = Path.Combine(root, "deep");
        for (var d = 0; d < 40; d++)
        {
            deep = Path.Combine(deep, $"level{d}");
        }

        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "bottom.txt"), "the bottom of a deep tree\n");

        var large = Path.Combine(root, "large-dir");
        Directory.CreateDirectory(large);
        for (var i = 0; i < largeDirectory; i++)
        {
            File.WriteAllText(Path.Combine(large, $"entry-with-a-longer-name-{i:d5}"), $"entry {i}\n");
        }

        // Data runs 1 MiB apart: one extent each, more than the inode's four, so the extent tree has depth 1.
        using (var sparse = new FileStream(Path.Combine(root, "sparse.dat"), FileMode.Create))
        {
            for (var i = 0; i < 12; i++)
            {
                sparse.Position = i * 1024L * 1024;
                sparse.Write(Bytes(random, 4096 + i));
            }

            sparse.SetLength(13L * 1024 * 1024);
        }

        File.WriteAllBytes(Path.Combine(root, "big.bin"), Bytes(random, 3 * 1024 * 1024 + 123));
        File.WriteAllText(Path.Combine(root, "tiny.txt"), "hi\n");
        File.WriteAllText(Path.Combine(root, "ünïcødé name.txt"), "names are bytes, shown as UTF-8\n");
        File.WriteAllText(Path.Combine(root, "empty.txt"), "");
        File.WriteAllText(Path.Combine(root, "run.sh"), "#!/bin/sh\necho hi\n");
        File.CreateSymbolicLink(Path.Combine(root, "fast-link"), "many/file001.bin");
        File.CreateSymbolicLink(Path.Combine(root, "slow-link"), string.Concat(Enumerable.Repeat("../", 30)) + "many/" + new string('x', 100));
        File.CreateSymbolicLink(Path.Combine(root, "absolute-link"), "/etc/os-release");
        File.CreateSymbolicLink(Path.Combine(root, "dir-link"), "deep");
        return root;
    }

    public static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    public static string Text(int count) => new StringBuilder().Append('a', count).ToString();
}
