namespace Argus.Aws.CliImport;

/// <summary>A recognised answer with the account and region (or <c>global</c>) it is stored under.</summary>
internal sealed record PlacedFile(ScannedFile File, string Account, string Region);
