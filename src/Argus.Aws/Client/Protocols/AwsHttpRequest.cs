namespace Argus.Aws.Client.Protocols;

/// <summary>An unsigned request as a protocol encodes it; the signer adds the date and Authorization headers.</summary>
/// <param name="PathAndQuery">Already percent-encoded, starting with <c>/</c>.</param>
internal sealed record AwsHttpRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);
