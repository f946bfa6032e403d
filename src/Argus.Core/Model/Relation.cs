namespace Argus.Core.Model;

/// <summary>A directed edge between two assets, by asset id. The target may lie outside the snapshot.</summary>
public sealed record Relation(string From, string To, string Kind);
