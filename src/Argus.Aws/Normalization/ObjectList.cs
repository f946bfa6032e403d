using System.Text.Json;

namespace Argus.Aws.Normalization;

/// <summary>The objects of an optional list member; entries that are not objects are reported and skipped.</summary>
internal readonly struct ObjectList(NormalizationContext context, Item owner, string property)
{
    public Enumerator GetEnumerator() => new(context, owner, property);

    public struct Enumerator(NormalizationContext context, Item owner, string property)
    {
        private ListCursor cursor = new(context, owner, property);
        private ItemPath? path;

        public Item Current { get; private set; }

        public bool MoveNext()
        {
            while (cursor.Next(out var entry))
            {
                path ??= owner.AsParent();
                if (entry.ValueKind == JsonValueKind.Object)
                {
                    Current = new Item(owner.Document, entry, property, cursor.Index, path);
                    return true;
                }

                context.Warn(owner.Document, $"{ItemPath.Format(path, property, cursor.Index)} is {NormalizationContext.Describe(entry)}, expected an object; skipped");
            }

            return false;
        }
    }
}
