using Argus.Core.Model;

namespace Argus.Posture.Checks;

/// <summary>
/// A check's verdict on one resource before the engine adds severity, frameworks and mute rules.
/// </summary>
/// <param name="Evidence">Compact JSON with the values that decided the verdict.</param>
/// <param name="Tags">The resource's tags, when the check knows them; mute rules can match on them.</param>
public sealed record CheckOutcome(
    string ResourceId,
    string Account,
    string Region,
    FindingStatus Status,
    string Message,
    string Evidence,
    IReadOnlyDictionary<string, string>? Tags = null);
