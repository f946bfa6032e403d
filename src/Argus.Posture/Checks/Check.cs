using System.Text.Json;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks;

/// <summary>
/// One posture rule: its metadata and the code that evaluates it over a snapshot's raw documents. A check never
/// passes on data it does not have: <see cref="PostureContext.Get"/> tells it when a document is missing and why.
/// </summary>
public abstract class Check
{
    private static readonly JsonSerializerOptions EvidenceOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public abstract CheckMetadata Metadata { get; }

    public string Id => Metadata.Id;

    /// <summary>Every verdict of this check on the snapshot. Called once per scan, possibly on a worker thread.</summary>
    public abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context);

    protected static CheckOutcome Pass(string resource, string account, string region, string message, object? evidence = null, IReadOnlyDictionary<string, string>? tags = null) =>
        new(resource, account, region, FindingStatus.Pass, message, Json(evidence), tags);

    protected static CheckOutcome Fail(string resource, string account, string region, string message, object? evidence = null, IReadOnlyDictionary<string, string>? tags = null) =>
        new(resource, account, region, FindingStatus.Fail, message, Json(evidence), tags);

    protected static CheckOutcome Manual(string resource, string account, string region, string message, object? evidence = null) =>
        new(resource, account, region, FindingStatus.Manual, message, Json(evidence));

    protected static CheckOutcome Verdict(bool passed, string resource, string account, string region, string passMessage, string failMessage, object? evidence = null, IReadOnlyDictionary<string, string>? tags = null) =>
        passed ? Pass(resource, account, region, passMessage, evidence, tags) : Fail(resource, account, region, failMessage, evidence, tags);

    /// <summary>The verdict for data that is not in the snapshot: NOT_AUTHORIZED or ERROR, naming the permission.</summary>
    protected static CheckOutcome Missing(Lookup lookup, string resource, string account, string region) =>
        new(resource, account, region, lookup.MissingStatus, lookup.MissingMessage, Json(new { missing = lookup.Operation.IamAction, reason = lookup.MissingMessage }));

    /// <summary>Evidence as compact JSON: an anonymous object, a <see cref="JsonElement"/> or null.</summary>
    protected static string Json(object? evidence) => evidence switch
    {
        null => "{}",
        JsonElement e => JsonText.Compact(e),
        _ => JsonSerializer.Serialize(evidence, EvidenceOptions),
    };

    /// <summary>The account-level resource id used for account-wide settings.</summary>
    protected static string AccountArn(string account) => $"arn:aws:iam::{account}:root";

    /// <summary>An id for a regional setting of an account, e.g. EBS default encryption in eu-west-1.</summary>
    protected static string RegionalId(string service, string account, string region, string setting) =>
        $"arn:aws:{service}:{region}:{account}:{setting}";
}
