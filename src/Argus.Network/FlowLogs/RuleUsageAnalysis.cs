using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Sources;

namespace Argus.Network.FlowLogs;

/// <summary>Progress of a rule-usage read: inputs and bytes so far, and the one being read.</summary>
public sealed record FlowLogProgress(int InputsRead, long BytesRead, long Records, long MalformedLines, string Current);

/// <summary>The whole rule-usage pipeline: read every input of a source, attribute its records, judge the rules.</summary>
public static class RuleUsageAnalysis
{
    /// <summary>Reads the source to its end (one input at a time, memory bounded) and returns the report.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static RuleUsageReport Run(IRuleUsageModel model, IFlowLogSource source, RuleUsageOptions? options = null,
        IProgress<FlowLogProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var analyzer = new RuleUsageAnalyzer(model, options);
        var results = new List<FlowLogSourceResult>();
        long bytes = 0;
        foreach (var input in source.Inputs(ct))
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new FlowLogProgress(results.Count, bytes, analyzer.Records, results.Sum(r => r.MalformedLines), input.Name));
            FlowLogSourceResult result;
            try
            {
                using var stream = input.Open(ct);
                result = FlowLogReader.Read(stream, input.Name, input.Format, analyzer, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException or HttpRequestException or Aws.Client.AwsApiException)
            {
                // One unreadable object must not lose the rest: it is reported, and coverage shows the hole.
                result = new FlowLogSourceResult { Source = input.Name, Format = "unread", Problems = [$"could not be read: {e.Message}"] };
            }

            results.Add(result);
            bytes += input.Length ?? result.TextBytes;
        }

        progress?.Report(new FlowLogProgress(results.Count, bytes, analyzer.Records, results.Sum(r => r.MalformedLines), ""));
        return RuleUsageEvaluator.Evaluate(analyzer, results, DeliveryFileNames.MissingHours(results.Select(r => r.Source)));
    }
}
