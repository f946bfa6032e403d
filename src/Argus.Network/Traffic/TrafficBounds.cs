namespace Argus.Network.Traffic;

/// <summary>
/// What gets through when some of the data is missing: <see cref="Certain"/> is allowed whatever the missing
/// data says, <see cref="Possible"/> is everything the missing data could allow. Equal when nothing is missing.
/// </summary>
public sealed record TrafficBounds(TrafficSet Certain, TrafficSet Possible)
{
    public static TrafficBounds Exactly(TrafficSet set) => new(set, set);

    public bool IsEmpty => Possible.IsEmpty;

    public bool IsExact => Certain.Equals(Possible);

    public TrafficBounds Intersect(TrafficBounds other) => new(Certain.Intersect(other.Certain), Possible.Intersect(other.Possible));
}
