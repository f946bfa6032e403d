namespace Argus.Posture.Summary;

/// <summary>Result counts for one framework section in one account (the HTML report's and the scan summary's unit).</summary>
public sealed record SummaryRow(string Framework, string Section, string Account, StatusCounts Counts);
