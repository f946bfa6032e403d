namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// A model's network interfaces, found by id as flow log records name them: as characters, or as the record's
/// UTF-8 bytes through a packed key (no string made per record).
/// </summary>
internal sealed class InterfaceIndex
{
    private readonly Dictionary<string, InterfaceFacts>.AlternateLookup<ReadOnlySpan<char>> byId;
    private readonly Dictionary<InterfaceIdKey, InterfaceFacts> byPackedId = [];

    public InterfaceIndex(Dictionary<string, InterfaceFacts> interfaces)
    {
        byId = interfaces.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (id, facts) in interfaces)
        {
            if (InterfaceIdKey.TryCreate(id, out var key))
            {
                byPackedId[key] = facts;
            }
        }

        All = [.. interfaces.Values.OrderBy(i => i.Index)];
    }

    /// <summary>Every interface, in index order.</summary>
    public IReadOnlyList<InterfaceFacts> All { get; }

    public InterfaceFacts? Find(ReadOnlySpan<char> interfaceId) =>
        byId.TryGetValue(interfaceId, out var facts) ? facts : null;

    public InterfaceFacts? Find(ReadOnlySpan<byte> interfaceId)
    {
        // Every ASCII id of up to 24 characters is in the packed index, so a miss there is a miss.
        if (InterfaceIdKey.TryCreate(interfaceId, out var key))
        {
            return byPackedId.TryGetValue(key, out var facts) ? facts : null;
        }

        if (interfaceId.Length > 64)
        {
            return null;
        }

        Span<char> chars = stackalloc char[64];
        var n = System.Text.Encoding.ASCII.GetChars(interfaceId, chars);
        return Find(chars[..n]);
    }
}
