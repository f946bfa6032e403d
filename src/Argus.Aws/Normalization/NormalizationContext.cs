using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Inventory;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization;

/// <summary>
/// Everything the per-service normalizers share while normalizing one (account, region) group: the documents,
/// the output, the ARNs of the EC2 resources described so far (so a reference to a shared or peer resource gets
/// the owner's ARN), and readers that report unexpected shapes instead of throwing.
/// </summary>
internal sealed class NormalizationContext
{
    private static readonly System.Buffers.SearchValues<byte> PartitionCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz-"u8);

    private readonly IInventoryOutput output;
    private readonly GroupDocuments documents;
    private readonly Dictionary<string, string> ec2Arns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> referenced = new(StringComparer.Ordinal);
    private readonly HashSet<Relation> distinctRelations = [];
    private readonly HashSet<string> scratch = new(StringComparer.Ordinal);

    public NormalizationContext(DocumentGroup group, IInventoryOutput output)
    {
        this.output = output;
        documents = new GroupDocuments(group.Documents);
        Account = group.Key.Account;
        Region = group.Key.Region;
        Partition = AwsArns.PartitionOfRegion(Region) ?? PartitionInData(group.Documents) ?? "aws";
        AccountArn = AwsArns.Account(Partition, Account);
        InterfacesByAddress = documents.Has(AwsOperations.DescribeTargetHealth) ? [] : null;
    }

    /// <summary>The one empty tag dictionary every untagged asset shares.</summary>
    public static IReadOnlyDictionary<string, string> NoTags { get; } = ReadOnlyDictionary<string, string>.Empty;

    public string Partition { get; }

    /// <summary>The account the documents were collected in.</summary>
    public string Account { get; }

    /// <summary>The region the documents were collected in, or <see cref="Regions.Global"/>.</summary>
    public string Region { get; }

    public string AccountArn { get; }

    public bool IsGlobal => Region == Regions.Global;

    public PropertyWriter Properties { get; } = new();

    /// <summary>
    /// The network interface holding a private address in a VPC, filled by the interfaces and read by load balancer
    /// targets registered by IP; null (never built) when the group has no target health answers.
    /// </summary>
    public Dictionary<(string Vpc, string Address), string>? InterfacesByAddress { get; }

    // ---- documents ----

    public bool Has(AwsOperation operation) => documents.Has(operation);

    /// <summary>The items of every answer of a list operation (its <see cref="AwsOperation.ItemKey"/>), each document parsed once.</summary>
    public IEnumerable<Item> Items(AwsOperation operation)
    {
        var key = operation.ItemKey ?? throw new InvalidOperationException($"{operation.Operation} has no item list");
        foreach (var raw in documents.Of(operation))
        {
            using var document = Open(raw);
            if (document is null)
            {
                continue;
            }

            var root = document.Answer.Json;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Warn(raw, $"the answer is {Describe(root)}, expected an object");
                continue;
            }

            if (!root.TryGetProperty(key, out var list))
            {
                Warn(raw, $"the answer has no \"{key}\" list");
                continue;
            }

            if (list.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                Warn(raw, $"\"{key}\" is {Describe(list)}, expected a list");
                continue;
            }

            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object)
                {
                    yield return new Item(raw, element, key, index);
                }
                else
                {
                    Warn(raw, $"{key}[{index}] is {Describe(element)}, expected an object; skipped");
                }

                index++;
            }
        }
    }

    /// <summary>The whole answer of every document of an operation, for answers that are not one list.</summary>
    public IEnumerable<Item> Answers(AwsOperation operation)
    {
        foreach (var raw in documents.Of(operation))
        {
            using var document = Open(raw);
            if (document is null)
            {
                continue;
            }

            if (document.Answer.Json.ValueKind != JsonValueKind.Object)
            {
                Warn(raw, $"the answer is {Describe(document.Answer.Json)}, expected an object");
                continue;
            }

            yield return document.Answer;
        }
    }

    /// <summary>The parsed answer of a per-resource operation for one resource; null when not collected or unreadable.</summary>
    public OpenDocument? Open(AwsOperation operation, string resource) =>
        documents.For(operation, resource) is { } raw ? Open(raw) : null;

    private OpenDocument? Open(RawDocument raw)
    {
        try
        {
            return new OpenDocument(raw, JsonDocument.Parse(raw.Json, JsonText.DocumentOptions));
        }
        catch (JsonException e)
        {
            Warn(raw, $"not valid JSON ({e.Message}); skipped");
            return null;
        }
    }

    // ---- reading members, reporting what does not fit ----

    public void Warn(RawDocument document, string message) => output.Warn(document, message);

    public void Warn(Item item, string message) => output.Warn(item.Document, $"{item.Where}: {message}");

    /// <summary>A required id; a warning and null when it is missing or not a string.</summary>
    public string? Id(Item item, string property)
    {
        if (Member(item, property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id)
        {
            return id;
        }

        Warn(item, value.ValueKind == JsonValueKind.Undefined
            ? $"no \"{property}\"; skipped"
            : $"\"{property}\" is {Describe(value)}, expected a non-empty string; skipped");
        return null;
    }

    /// <summary>An optional string member; a warning when present with another type.</summary>
    public string? String(Item item, string property)
    {
        if (!Member(item, property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Warn(item, $"\"{property}\" is {Describe(value)}, expected a string; ignored");
        return null;
    }

    /// <summary>An optional object member.</summary>
    public Item? Object(Item item, string property)
    {
        if (!Member(item, property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return new Item(item.Document, value, property, -1, item.AsParent());
        }

        Warn(item, $"\"{property}\" is {Describe(value)}, expected an object; ignored");
        return null;
    }

    /// <summary>The objects of an optional list member; other entries are reported and skipped.</summary>
    public ObjectList Objects(Item item, string property) => new(this, item, property);

    /// <summary>The strings of an optional list member (ids such as <c>SubnetIds</c>).</summary>
    public StringList Strings(Item item, string property) => new(this, item, property);

    /// <summary>An optional list member: false when absent or null, and reported when it is not a list.</summary>
    public bool List(Item item, string property, out JsonElement list)
    {
        if (!Member(item, property, out list) || list.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (list.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        Warn(item, $"\"{property}\" is {Describe(list)}, expected a list; ignored");
        return false;
    }

    /// <summary>
    /// Tags from a <c>[{"Key": ..., "Value": ...}]</c> list (<c>Tags</c>, <c>TagSet</c>); the same shared empty
    /// dictionary when there are none. Lower-case <c>key</c>/<c>value</c> (Direct Connect) are read too.
    /// </summary>
    public IReadOnlyDictionary<string, string> Tags(Item item, string property = "Tags")
    {
        if (!List(item, property, out var value))
        {
            return NoTags;
        }

        Dictionary<string, string>? tags = null;
        var index = 0;
        foreach (var tag in value.EnumerateArray())
        {
            var key = tag.GetString("Key") ?? tag.GetString("key");
            if (key is null)
            {
                Warn(item, $"\"{property}\"[{index}] has no string \"Key\"; skipped");
            }
            else
            {
                tags ??= new Dictionary<string, string>(value.GetArrayLength(), StringComparer.Ordinal);
                tags[key] = tag.GetString("Value") ?? tag.GetString("value") ?? "";
            }

            index++;
        }

        return tags ?? NoTags;
    }

    /// <summary>A member of an item; false when absent or when the item is not an object at all.</summary>
    private static bool Member(Item item, string property, out JsonElement value)
    {
        if (item.Json.ValueKind == JsonValueKind.Object)
        {
            return item.Json.TryGetProperty(property, out value);
        }

        value = default;
        return false;
    }

    /// <summary>The <c>Name</c> tag when present and not empty, else the natural name.</summary>
    public static string NameOf(IReadOnlyDictionary<string, string> tags, string natural) =>
        tags.TryGetValue("Name", out var name) && name.Length > 0 ? name : natural;

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    // ---- assets ----

    /// <summary>The account an owner id names, or the group's account when the owner is absent or not an account id.</summary>
    public string AccountOf(string? owner) => owner != Account && AwsArns.IsAccountId(owner) ? owner! : Account;

    /// <summary>The id of an account's asset, without a new string for the group's own account.</summary>
    public string AccountArnOf(string account) => account == Account ? AccountArn : AwsArns.Account(Partition, account);

    public void Add(string id, string type, string account, string region, string name, IReadOnlyDictionary<string, string> tags, string properties) =>
        output.Add(new Asset(id, type, Provider.Aws, account, region, name, tags, properties));

    /// <summary>
    /// Adds an EC2 resource as an asset and remembers its ARN. Returns the ARN, or null when the item has no id or
    /// was already described in this group (then nothing is added).
    /// </summary>
    /// <param name="owner">The owning account when the item does not carry it as <c>OwnerId</c>.</param>
    /// <param name="region">The resource's region when it is not the group's (a peering connection requested elsewhere).</param>
    /// <param name="properties">Properties when they are not simply the item.</param>
    public string? AddEc2(Item item, Ec2Kind kind, string? owner = null, string? region = null, string? properties = null) =>
        AddEc2(item, kind, out _, owner, region, properties);

    /// <inheritdoc cref="AddEc2(Item, Ec2Kind, string?, string?, string?)"/>
    /// <param name="account">The owning account the asset was given.</param>
    public string? AddEc2(Item item, Ec2Kind kind, out string account, string? owner = null, string? region = null, string? properties = null)
    {
        account = Account;
        var id = Id(item, kind.IdProperty);
        if (id is null || ec2Arns.ContainsKey(id))
        {
            return null;
        }

        account = AccountOf(owner ?? String(item, "OwnerId"));
        region ??= Region;
        var arn = kind.ArnProperty is { } arnProperty && String(item, arnProperty) is { } given && given.StartsWith("arn:", StringComparison.Ordinal)
            ? given
            : AwsArns.Ec2(Partition, region, account, kind.ArnResource, id);
        ec2Arns.Add(id, arn);
        var tags = Tags(item, kind.TagsProperty);
        var name = NameOf(tags, kind.NameProperty is { } nameProperty && String(item, nameProperty) is { Length: > 0 } natural ? natural : id);
        Add(arn, kind.Type, account, region, name, tags, properties ?? Properties.Compact(item.Json));
        return arn;
    }

    /// <summary>The ARN of an EC2 resource this group described, if it did.</summary>
    public bool TryGetEc2(string id, out string arn) => ec2Arns.TryGetValue(id, out arn!);

    /// <summary>
    /// The ARN of a referenced EC2 resource: the one described in this group when there is one (it knows the real
    /// owner), else built from the owner the reference names, else from the group's account and region.
    /// </summary>
    public string Ec2Ref(Ec2Kind kind, string id, string? owner = null)
    {
        if (ec2Arns.TryGetValue(id, out var arn))
        {
            return arn;
        }

        var account = AccountOf(owner);
        if (account != Account)
        {
            return AwsArns.Ec2(Partition, Region, account, kind.ArnResource, id);
        }

        // Many relations can name one resource this group did not describe (every route to an internet gateway
        // of another answer); they share one string.
        ref var built = ref CollectionsMarshal.GetValueRefOrAddDefault(referenced, id, out var exists);
        return exists ? built! : built = AwsArns.Ec2(Partition, Region, Account, kind.ArnResource, id);
    }

    /// <summary>An EC2 reference in another region or account, named exactly by the data (peering, transit gateway peering).</summary>
    public string Ec2RefIn(Ec2Kind kind, string id, string? owner, string? region) =>
        owner is null && region is null && ec2Arns.TryGetValue(id, out var arn)
            ? arn
            : AwsArns.Ec2(Partition, region ?? Region, AccountOf(owner), kind.ArnResource, id);

    // ---- relations ----

    /// <summary>Adds "from kind to".</summary>
    public void Relate(string from, string kind, string to) => output.Add(new Relation(from, to, kind));

    /// <summary>Adds "from kind to" unless already added through this method, for relations two operations describe.</summary>
    public void RelateOnce(string from, string kind, string to)
    {
        var relation = new Relation(from, to, kind);
        if (distinctRelations.Add(relation))
        {
            output.Add(relation);
        }
    }

    /// <summary>An empty set for de-duplicating the targets of one item (two routes to the same gateway).</summary>
    public HashSet<string> Scratch()
    {
        scratch.Clear();
        return scratch;
    }

    /// <summary>The partition of the first ARN in the documents (for the global group, whose region says nothing).</summary>
    private static string? PartitionInData(IReadOnlyList<RawDocument> documents)
    {
        foreach (var document in documents)
        {
            var json = document.Json.Span;
            var at = json.IndexOf("\"arn:"u8);
            if (at < 0)
            {
                continue;
            }

            // A partition is "aws" or "aws-" and lower-case letters and dashes (aws-cn, aws-us-gov, aws-iso-b).
            var rest = json[(at + 5)..];
            var end = rest.IndexOf((byte)':');
            if (end is > 0 and <= 20 && rest[..end].StartsWith("aws"u8) && !rest[..end].ContainsAnyExcept(PartitionCharacters))
            {
                return System.Text.Encoding.ASCII.GetString(rest[..end]);
            }
        }

        return null;
    }
}
