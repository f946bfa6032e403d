using System.Text.Json;

namespace Argus.Aws.Normalization;

/// <summary>The non-empty strings of an optional list member (ids such as <c>SubnetIds</c>); other entries are reported and skipped.</summary>
internal readonly struct StringList(NormalizationContext context, Item owner, string property)
{
    public Enumerator GetEnumerator() => new(context, owner, property);

    public struct Enumerator(NormalizationContext context, Item owner, string property)
    {
        private ListCursor cursor = new(context, owner, property);

        public string Current { get; private set; } = "";

        public bool MoveNext()
        {
            while (cursor.Next(out var entry))
            {
                if (entry.ValueKind == JsonValueKind.String && entry.GetString() is { Length: > 0 } value)
                {
                    Current = value;
                    return true;
                }

                context.Warn(owner, $"\"{property}\"[{cursor.Index}] is {NormalizationContext.Describe(entry)}, expected a non-empty string; skipped");
            }

            return false;
        }
    }
}
