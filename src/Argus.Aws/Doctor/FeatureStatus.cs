namespace Argus.Aws.Doctor;

/// <summary>
/// A feature's verdict. Precedence: <see cref="Off"/> (a required action is missing) over <see cref="Degraded"/>
/// (an optional action is missing) over <see cref="Unknown"/> (some action could not be checked) over
/// <see cref="Available"/> (every action, required and optional, is allowed).
/// </summary>
public enum FeatureStatus
{
    /// <summary>Every action of the feature is allowed.</summary>
    Available,

    /// <summary>Every required action is allowed or unknown, but an optional one is missing: the feature runs with coverage gaps.</summary>
    Degraded,

    /// <summary>A required action is missing: the feature cannot run.</summary>
    Off,

    /// <summary>Nothing is known to be missing, but some action could not be checked, so availability is not claimed.</summary>
    Unknown,

    /// <summary>Not selected with --features (write features are never evaluated unless asked for).</summary>
    NotRequested,
}
