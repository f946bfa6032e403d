namespace Argus.VmScan.Disks.Partitions;

/// <summary>Names of the GPT partition types found on cloud VM disks; others read as their GUID.</summary>
internal static class GptTypes
{
    public static readonly Guid BiosBoot = new("21686148-6449-6e6f-744e-656564454649");

    private static readonly Dictionary<Guid, string> Names = new()
    {
        [new Guid("0fc63daf-8483-4772-8e79-3d69d8477de4")] = "Linux filesystem",
        [new Guid("4f68bce3-e8cd-4db1-96e7-fbcaf984b709")] = "Linux root (x86-64)",
        [new Guid("b921b045-1df0-41c3-af44-4c6f280d3fae")] = "Linux root (ARM64)",
        [new Guid("bc13c2ff-59e6-4262-a352-b275fd6f7172")] = "Linux extended boot",
        [new Guid("0657fd6d-a4ab-43c4-84e5-0933c84b4f4f")] = "Linux swap",
        [new Guid("e6d6d379-f507-44c2-a23c-238f2a3df928")] = "Linux LVM",
        [new Guid("c12a7328-f81f-11d2-ba4b-00a0c93ec93b")] = "EFI System",
        [BiosBoot] = "BIOS boot",
        [new Guid("ebd0a0a2-b9e5-4433-87c0-68b6b72699c7")] = "Microsoft basic data",
        [new Guid("e3c9e316-0b5c-4db8-817d-f92df00215ae")] = "Microsoft reserved",
    };

    public static string Describe(Guid type) => Names.TryGetValue(type, out var name) ? name : type.ToString();
}
