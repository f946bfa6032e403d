namespace Argus.Core.Model;

/// <summary>A requirement of a compliance framework that a check helps evaluate, e.g. ("cis-aws-3.0", "1.5").</summary>
public sealed record FrameworkReference(string Framework, string Requirement);
