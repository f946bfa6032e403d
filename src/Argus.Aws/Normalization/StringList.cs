using System.Text.Json;

namespace Argus.Aws.Normalization;

/// <summary>The non-empty strings of an optional list member (ids such as <c>SubnetIds</c>); other entries are reported and skipped.</summary>
internal readonly struct StringList(NormalizationContext context, Item owner, string property)
{
    public Enumerator GetEnumerator() => new(context, owner, property);

    public struct Enumerator
    {
        private readonly NormalizationContext context;
        private readonly Item owner;
        private readonly string property;
        private readonly bool isList;
        private JsonElement.ArrayEnumerator entries;
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

        public string Current { get; private set; } = "";

        public bool MoveNext()
        {
            while (isList && entries.MoveNext())
            {
                index++;
                var element = entries.Current;
                if (element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } value)
                {
                    Current = value;
                    return true;
                }

                context.Warn(owner, $"\"{property}\"[{index}] is {NormalizationContext.Describe(element)}, expected a non-empty string; skipped");
            }

            return false;
        }
    }
}
