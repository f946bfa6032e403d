namespace Argus.Bench.FakeAws;

/// <summary>
/// One of the account-regions answered last: its calls, its throttled calls, when it was last answered, and the
/// requests that reached the fake in each second (where it fell below the rate, its calls were held up).
/// </summary>
internal sealed record FakeAwsStragglers(string Account, string Region, int Calls, int Throttled, double LastAnswerSeconds, IReadOnlyList<int> PerSecond);
