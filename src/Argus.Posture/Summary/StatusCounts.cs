using Argus.Core.Model;

namespace Argus.Posture.Summary;

/// <summary>How many results have each status.</summary>
public sealed record StatusCounts(int Pass, int Fail, int Manual, int Error, int NotAuthorized, int Muted)
{
    public static StatusCounts Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public int Total => Pass + Fail + Manual + Error + NotAuthorized + Muted;

    public StatusCounts Add(FindingStatus status) => status switch
    {
        FindingStatus.Pass => this with { Pass = Pass + 1 },
        FindingStatus.Fail => this with { Fail = Fail + 1 },
        FindingStatus.Manual => this with { Manual = Manual + 1 },
        FindingStatus.Error => this with { Error = Error + 1 },
        FindingStatus.NotAuthorized => this with { NotAuthorized = NotAuthorized + 1 },
        _ => this with { Muted = Muted + 1 },
    };

    public static StatusCounts Of(IEnumerable<FindingStatus> statuses) => statuses.Aggregate(Empty, (c, s) => c.Add(s));
}
