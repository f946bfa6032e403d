namespace Argus.Aws.Client;

/// <summary>A successful answer whose payload is raw bytes (a blob), with its headers (case-insensitive names).</summary>
public sealed record AwsBinaryResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);
