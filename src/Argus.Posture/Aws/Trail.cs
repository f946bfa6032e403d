using System.Text.Json;
using Argus.Core.Json;
using Argus.Posture.Engine;

namespace Argus.Posture.Aws;

/// <summary>
/// One CloudTrail trail of an account, seen once however many regions list it (multi-region trails appear in every
/// region's describe-trails), with its status and event selectors as stored in its home region.
/// </summary>
public sealed record Trail(string Arn, string Name, string HomeRegion, JsonElement Item, Lookup Status, Lookup Selectors)
{
    public bool IsMultiRegion => Item.GetBool("IsMultiRegionTrail") == true;

    public bool IsLogging => Status.Found && Status.Root.GetBool("IsLogging") == true;

    public string? LogGroupArn => Item.GetString("CloudWatchLogsLogGroupArn");

    /// <summary>The log group name inside <c>arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*</c>.</summary>
    public string? LogGroupName => LogGroupArn is { } arn && arn.Split(':') is { Length: >= 7 } parts ? parts[6] : null;

    /// <summary>True when a basic selector records all management events, or an advanced one records the Management category without a readOnly filter.</summary>
    public bool RecordsAllManagementEvents =>
        Selectors.Found
        && (Selectors.Root.GetArray("EventSelectors").Any(s => s.GetBool("IncludeManagementEvents") == true && (s.GetString("ReadWriteType") ?? "All") == "All")
            || Selectors.Root.GetArray("AdvancedEventSelectors").Any(s =>
                s.GetArray("FieldSelectors").Any(f => f.GetString("Field") == "eventCategory" && f.GetArray("Equals").Any(e => e.GetString() == "Management"))
                && !s.GetArray("FieldSelectors").Any(f => f.GetString("Field") == "readOnly")));

    /// <summary>Whether the trail records S3 object-level events of the given kind for all buckets ("Read" or "Write").</summary>
    public bool RecordsS3DataEvents(string kind)
    {
        if (!Selectors.Found)
        {
            return false;
        }

        var basic = Selectors.Root.GetArray("EventSelectors").Any(s =>
            (s.GetString("ReadWriteType") ?? "All") is var rw && (rw == "All" || rw == kind + "Only")
            && s.GetArray("DataResources").Any(d => d.GetString("Type") == "AWS::S3::Object"
                && d.GetArray("Values").Any(v => v.GetString() is "arn:aws:s3" or "arn:aws:s3:::" or "arn:aws:s3:::*")));
        var advanced = Selectors.Root.GetArray("AdvancedEventSelectors").Any(s =>
        {
            var fields = s.GetArray("FieldSelectors").ToList();
            bool Has(string field, string value) => fields.Any(f => f.GetString("Field") == field && f.GetArray("Equals").Any(e => e.GetString() == value));
            var readOnly = fields.FirstOrDefault(f => f.GetString("Field") == "readOnly");
            var readOnlyOk = readOnly.ValueKind != JsonValueKind.Object
                || readOnly.GetArray("Equals").Any(e => e.GetString() == (kind == "Read" ? "true" : "false"));
            var scoped = fields.Any(f => f.GetString("Field") == "resources.ARN");
            return Has("eventCategory", "Data") && Has("resources.type", "AWS::S3::Object") && readOnlyOk && !scoped;
        });
        return basic || advanced;
    }

    /// <summary>Every trail of an account, and the describe-trails lookups that were missing.</summary>
    public static (IReadOnlyList<Trail> Trails, IReadOnlyList<Lookup> Missing) Of(PostureContext context, string account)
    {
        var trails = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var missing = new List<Lookup>();
        foreach (var region in context.RegionsOf(account))
        {
            var lookup = context.Get(account, region, Argus.Aws.Operations.AwsOperations.DescribeTrails);
            if (lookup.Missing)
            {
                missing.Add(lookup);
                continue;
            }

            foreach (var item in PostureContext.Items(lookup))
            {
                if (item.GetString("TrailARN") is { } arn)
                {
                    trails.TryAdd(arn, item);
                }
            }
        }

        var result = trails.Values.Select(item =>
        {
            var arn = item.GetString("TrailARN")!;
            var name = item.GetString("Name") ?? arn;
            var home = item.GetString("HomeRegion") ?? arn.Split(':')[3];
            return new Trail(arn, name, home, item,
                Find(context, account, home, Argus.Aws.Operations.AwsOperations.GetTrailStatus, arn, name),
                Find(context, account, home, Argus.Aws.Operations.AwsOperations.GetEventSelectors, arn, name));
        }).OrderBy(t => t.Arn, StringComparer.Ordinal).ToList();
        return (result, missing);
    }

    // Collectors name the trail by ARN; people running the CLI by hand often by name.
    private static Lookup Find(PostureContext context, string account, string region, Argus.Aws.Operations.AwsOperation op, string arn, string name)
    {
        var byArn = context.Get(account, region, op, arn);
        return byArn.Found ? byArn : context.Get(account, region, op, name) is { Found: true } byName ? byName : byArn;
    }
}
