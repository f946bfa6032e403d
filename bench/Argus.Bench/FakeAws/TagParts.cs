using System.Text;
using System.Text.Json.Nodes;
using Argus.Aws.Client.Model;

namespace Argus.Bench.FakeAws;

/// <summary>
/// An elbv2 DescribeTags document rendered in parts before the clock starts: the answer's envelope and one XML
/// fragment per tag description, so that an answer for any 20 of the ARNs is a concatenation, not a rendering.
/// </summary>
internal sealed class TagParts
{
    private const string ListStart = "<TagDescriptions>";
    private const string ListEnd = "</TagDescriptions>";

    private readonly byte[] head;
    private readonly byte[] tail;
    private readonly byte[] none;
    private readonly IReadOnlyList<(string Arn, byte[] Fragment)> items;

    private TagParts(byte[] head, byte[] tail, byte[] none, IReadOnlyList<(string Arn, byte[] Fragment)> items)
    {
        this.head = head;
        this.tail = tail;
        this.none = none;
        this.items = items;
    }

    /// <summary>Renders each tag description as a one-item answer and keeps the item between the list's tags.</summary>
    public static TagParts Render(JsonObject all)
    {
        var model = ServiceModel.Find("elbv2")!;
        var operation = model.Operation("DescribeTags")!;
        var none = WireWriter.Answer(model, operation, new JsonObject { ["TagDescriptions"] = new JsonArray() }).Body;
        byte[] head = [], tail = [];
        var items = new List<(string, byte[])>();
        foreach (var item in all["TagDescriptions"] as JsonArray ?? [])
        {
            var text = Encoding.UTF8.GetString(WireWriter.Answer(model, operation, new JsonObject { ["TagDescriptions"] = new JsonArray(item!.DeepClone()) }).Body);
            var start = text.IndexOf(ListStart, StringComparison.Ordinal) + ListStart.Length;
            var end = text.LastIndexOf(ListEnd, StringComparison.Ordinal);
            if (start < ListStart.Length || end < start)
            {
                throw new InvalidOperationException("a DescribeTags answer without its TagDescriptions list");
            }

            head = Encoding.UTF8.GetBytes(text[..start]);
            tail = Encoding.UTF8.GetBytes(text[end..]);
            items.Add((item["ResourceArn"]?.GetValue<string>() ?? "", Encoding.UTF8.GetBytes(text[start..end])));
        }

        return new TagParts(head, tail, none, items);
    }

    /// <summary>The answer for the requested ARNs, in the document's order (as AWS lists them).</summary>
    public byte[] Answer(IReadOnlyList<string> arns)
    {
        var wanted = arns.ToHashSet(StringComparer.Ordinal);
        var kept = items.Where(i => wanted.Contains(i.Arn)).ToList();
        if (kept.Count == 0)
        {
            return none;
        }

        var answer = new byte[head.Length + tail.Length + kept.Sum(k => k.Fragment.Length)];
        head.CopyTo(answer, 0);
        var at = head.Length;
        foreach (var (_, fragment) in kept)
        {
            fragment.CopyTo(answer, at);
            at += fragment.Length;
        }

        tail.CopyTo(answer, at);
        return answer;
    }
}
