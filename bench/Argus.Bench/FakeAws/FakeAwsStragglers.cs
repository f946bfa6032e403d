namespace Argus.Bench.FakeAws;

/// <summary>One of the account-regions answered last: its calls, its throttled calls, and when it was last answered.</summary>
internal sealed record FakeAwsStragglers(string Account, string Region, int Calls, int Throttled, double LastAnswerSeconds);
