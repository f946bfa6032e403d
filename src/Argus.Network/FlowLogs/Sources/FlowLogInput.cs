using Argus.Network.FlowLogs.Parsing;

namespace Argus.Network.FlowLogs.Sources;

/// <summary>One file, S3 object or log stream of flow log records, opened when it is read.</summary>
/// <param name="Name">Where it is, for messages and bad-line reports: a path, <c>s3://bucket/key</c>, a log group and stream.</param>
/// <param name="Open">Opens the content: plain text or gzip (told apart by content).</param>
/// <param name="Format">Its field format when known (a flow log's LogFormat); null for the default or a header line.</param>
/// <param name="Length">Stored size in bytes when known, for progress.</param>
public sealed record FlowLogInput(string Name, Func<CancellationToken, Stream> Open, FlowLogFormat? Format = null, long? Length = null);
