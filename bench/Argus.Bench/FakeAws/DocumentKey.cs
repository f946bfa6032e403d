namespace Argus.Bench.FakeAws;

/// <summary>Where a document belongs: the account, stored region, CLI service, operation and resource.</summary>
internal sealed record DocumentKey(string Account, string Region, string Service, string Operation, string? Resource);
