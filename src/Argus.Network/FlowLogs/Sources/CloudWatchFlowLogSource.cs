using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Client;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Sources;

/// <summary>
/// Flow logs delivered to CloudWatch Logs: the groups the snapshot's DescribeFlowLogs answers name, read with
/// logs:FilterLogEvents through the generic, catalog-checked client, one page at a time. Each group is one input
/// whose lines are the events' messages (no header line: the format is the flow log's LogFormat).
/// </summary>
public sealed class CloudWatchFlowLogSource(AwsApiClient client, Func<string, AwsCallContext> contextFor, IReadOnlyList<FlowLogConfiguration> flowLogs,
    DateTimeOffset? since = null, DateTimeOffset? until = null) : IFlowLogSource
{
    public string Description => $"CloudWatch Logs ({Groups().Count()} log group(s))";

    public IEnumerable<FlowLogInput> Inputs(CancellationToken ct) =>
        Groups().Select(g => new FlowLogInput(
            $"cloudwatch:{g.Region}:{g.Group}",
            token => new LogEventStream(client, contextFor(g.Region), g.Group, since, until, token),
            g.Format is null ? null : FlowLogFormat.Parse(g.Format)));

    private IEnumerable<(string Region, string Group, string? Format)> Groups() =>
        flowLogs.Where(f => f.DestinationType == "cloud-watch-logs" && f.CapturesAccepted && !string.IsNullOrEmpty(f.LogGroupName))
            .Select(f => (f.Region, Group: f.LogGroupName!, f.LogFormat))
            .Distinct()
            .OrderBy(g => g.Region, StringComparer.Ordinal).ThenBy(g => g.Group, StringComparer.Ordinal);

    /// <summary>The messages of a log group's events as text, fetched a page at a time as the reader asks.</summary>
    private sealed class LogEventStream(AwsApiClient client, AwsCallContext context, string group, DateTimeOffset? since, DateTimeOffset? until, CancellationToken ct) : ForwardReadStream
    {
        private byte[] page = [];
        private int at;
        private string? nextToken;
        private bool done;

        public override int Read(Span<byte> buffer)
        {
            while (at == page.Length)
            {
                if (done)
                {
                    return 0;
                }

                Fetch();
            }

            var n = Math.Min(buffer.Length, page.Length - at);
            page.AsSpan(at, n).CopyTo(buffer);
            at += n;
            return n;
        }

        private void Fetch()
        {
            var request = new JsonObject { ["logGroupName"] = group };
            if (since is { } s)
            {
                request["startTime"] = s.ToUnixTimeMilliseconds();
            }

            if (until is { } u)
            {
                request["endTime"] = u.ToUnixTimeMilliseconds();
            }

            if (nextToken is not null)
            {
                request["nextToken"] = nextToken;
            }

            using var answer = client.CallAsync("logs", "FilterLogEvents", request, context, ct).GetAwaiter().GetResult();
            var root = answer.RootElement;
            var text = new StringBuilder();
            if (root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in events.EnumerateArray())
                {
                    if (e.TryGetProperty("message", out var m) && m.GetString() is { } message)
                    {
                        text.Append(message.TrimEnd('\n')).Append('\n');
                    }
                }
            }

            var token = root.TryGetProperty("nextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            done = string.IsNullOrEmpty(token) || token == nextToken;
            nextToken = token;
            page = Encoding.UTF8.GetBytes(text.ToString());
            at = 0;
        }
    }
}
