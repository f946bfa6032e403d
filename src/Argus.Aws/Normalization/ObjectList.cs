using System.Text.Json;

namespace Argus.Aws.Normalization;

/// <summary>
/// The objects of an optional list member, enumerated without allocating: a member that is not a list, and entries
/// that are not objects, are reported and skipped.
/// </summary>
internal readonly struct ObjectList(NormalizationContext context, Item owner, string property)
{
    public Enumerator GetEnumerator() => new(context, owner, property);

    public struct Enumerator
    {
        private readonly NormalizationContext context;
        private readonly Item owner;
        private readonly string property;
        private readonly bool isList;
        private JsonElement.ArrayEnumerator entries;
        private ItemPath? path;
        private int index;

        public Enumerator(NormalizationContext context, Item owner, string property)
        {
            this.context = context;
            this.owner = owner;
            this.property = property;
            index = -1;
            isList = context.List(owner, property, out var list);
            entries = isList ? list.EnumerateArray() : default;
        }

        public Item Current { get; private set; }

        public bool MoveNext()
        {
            while (isList && entries.MoveNext())
            {
                index++;
                path ??= owner.AsParent();
                var element = entries.Current;
                if (element.ValueKind == JsonValueKind.Object)
                {
                    Current = new Item(owner.Document, element, property, index, path);
                    return true;
                }

                context.Warn(owner.Document, $"{ItemPath.Format(path, property, index)} is {NormalizationContext.Describe(element)}, expected an object; skipped");
            }

            return false;
        }
    }
}
