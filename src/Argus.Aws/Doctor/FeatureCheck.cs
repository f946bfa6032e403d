namespace Argus.Aws.Doctor;

/// <summary>A feature's verdict with the actions that decide it.</summary>
/// <param name="Feature">The feature name (<see cref="Core.Permissions.Features"/>).</param>
/// <param name="Status">The verdict; see <see cref="FeatureStatus"/> for the rules.</param>
/// <param name="Missing">Its denied actions, required ones first.</param>
/// <param name="Unchecked">Its actions whose decision is unknown.</param>
public sealed record FeatureCheck(string Feature, FeatureStatus Status, IReadOnlyList<ActionCheck> Missing, IReadOnlyList<ActionCheck> Unchecked)
{
    /// <summary>A feature that was not asked for: no verdict.</summary>
    public static FeatureCheck NotRequested(string feature) => new(feature, FeatureStatus.NotRequested, [], []);

    /// <summary>Grades a feature from the checks of its actions.</summary>
    public static FeatureCheck Grade(string feature, IEnumerable<ActionCheck> actions)
    {
        var own = actions.Where(a => a.Features.Contains(feature, StringComparer.Ordinal)).ToList();
        var missing = own.Where(a => a.IsMissing).OrderByDescending(a => a.Required).ThenBy(a => a.Action, StringComparer.Ordinal).ToList();
        var unknown = own.Where(a => a.Decision == ActionDecision.Unknown).OrderByDescending(a => a.Required).ThenBy(a => a.Action, StringComparer.Ordinal).ToList();
        var status = missing.Any(a => a.Required) ? FeatureStatus.Off
            : missing.Count > 0 ? FeatureStatus.Degraded
            : unknown.Count > 0 ? FeatureStatus.Unknown
            : FeatureStatus.Available;
        return new FeatureCheck(feature, status, missing, unknown);
    }
}
