namespace Argus.Reporting;

/// <summary>A headline number of the report.</summary>
public sealed record Highlight(string Label, long Count);

public sealed record TypeCount(string Type, long Count, int Accounts);

public sealed record AccountRow(string Id, string Name, string Path, long AssetCount);

public sealed record VpcRow(string Name, string Account, string Region, string Cidr, int Subnets, bool IsDefault);

public sealed record LoadBalancerRow(string Name, string Account, string Region, string Type, string Scheme, string DnsName);

public sealed record BucketRow(string Name, string Account, string Region);
