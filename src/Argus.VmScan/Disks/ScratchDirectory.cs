namespace Argus.VmScan.Disks;

/// <summary>
/// A private (0700) directory for the files a scan copies out of a disk, in memory-backed /dev/shm when it can be
/// used, deleted when disposed: what is read from a customer's disk is analysed, never kept.
/// </summary>
internal sealed class ScratchDirectory : IDisposable
{
    private const string SharedMemory = "/dev/shm";

    private ScratchDirectory(string path, string? notice)
    {
        Path = path;
        Notice = notice;
    }

    public string Path { get; }

    /// <summary>Set when the copy had to go to the temporary directory, which may be on disk.</summary>
    public string? Notice { get; }

    public static ScratchDirectory Create()
    {
        var name = "argus-disk-" + Guid.NewGuid().ToString("N");
        if (Directory.Exists(SharedMemory))
        {
            try
            {
                return new ScratchDirectory(Make(System.IO.Path.Combine(SharedMemory, name)), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return InTemp(name, $"{SharedMemory} is not writable ({e.Message})");
            }
        }

        return InTemp(name, $"{SharedMemory} does not exist");
    }

    private static ScratchDirectory InTemp(string name, string why) =>
        new(Make(System.IO.Path.Combine(System.IO.Path.GetTempPath(), name)), $"files were copied out to the temporary directory, which may be on disk, because {why}; they were deleted after the scan");

    private static string Make(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path) && !OperatingSystem.IsWindows())
        {
            // Copied files keep the image's permissions; make every directory writable so nothing is left behind.
            foreach (var dir in Directory.EnumerateDirectories(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

        }

        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
