using System.Text;
using System.Text.Json;

namespace Argus.Aws.Onboarding;

/// <summary>One IAM managed policy document of a generated set.</summary>
/// <param name="Name">A name for it, unique within the set (e.g. <c>ArgusReadOnly-1</c>).</param>
public sealed record ManagedPolicy(string Name, IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>AWS's limit for a managed policy document, counted without white space.</summary>
    public const int MaxSize = 6144;

    /// <summary>The characters AWS counts against <see cref="MaxSize"/>: the document without white space.</summary>
    public int Size => ToJson(indented: false).Length;

    /// <summary>The policy document as JSON.</summary>
    public string ToJson(bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            WriteDocument(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the document (Version and Statement) as a JSON object.</summary>
    public void WriteDocument(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("Version", "2012-10-17");
        json.WriteStartArray("Statement");
        foreach (var statement in Statements)
        {
            json.WriteStartObject();
            json.WriteString("Sid", statement.Sid);
            json.WriteString("Effect", "Allow");
            WriteOneOrMany(json, "Action", statement.Actions);
            WriteOneOrMany(json, "Resource", statement.Resources);
            if (statement.Conditions.Count > 0)
            {
                json.WriteStartObject("Condition");
                foreach (var byOperator in statement.Conditions.GroupBy(c => c.Operator))
                {
                    json.WriteStartObject(byOperator.Key);
                    foreach (var condition in byOperator)
                    {
                        WriteOneOrMany(json, condition.Key, condition.Values);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOneOrMany(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            json.WriteString(name, values[0]);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
