using System.Collections.Concurrent;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>Which member of a structure an XML element names: its XML name, or for a flattened list the name of its items.</summary>
internal static class XmlMemberSlots
{
    /// <summary>A member as an element names it.</summary>
    internal sealed record Slot(string Name, ShapeRef Reference, bool FlattenedList);

    private static readonly ConcurrentDictionary<(ServiceModel, string), IReadOnlyDictionary<string, Slot>> Indexes = new();

    /// <summary>The members of <paramref name="shape"/> by element name (body members only; the first of a name wins).</summary>
    internal static IReadOnlyDictionary<string, Slot> Index(ServiceModel model, Shape shape) =>
        Indexes.GetOrAdd((model, shape.Name), _ =>
        {
            var index = new Dictionary<string, Slot>(StringComparer.Ordinal);
            foreach (var (name, member) in shape.Members.Where(m => m.Value.Location is null && !m.Value.XmlAttribute))
            {
                var target = model.Shape(member.Shape);
                var xmlName = member.LocationName ?? name;
                var flattened = target.Type == "list" && (member.Flattened || target.Flattened);
                index.TryAdd(flattened ? target.Member!.LocationName ?? xmlName : xmlName, new Slot(name, member, flattened));
            }

            return index;
        });
}
