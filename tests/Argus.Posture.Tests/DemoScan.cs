using Argus.Core.Model;
using Argus.Posture.Engine;
using Argus.Synthetic;

namespace Argus.Posture.Tests;

/// <summary>The demo organization scanned once and shared by the tests that read it.</summary>
public sealed class DemoScan
{
    public DemoScan()
    {
        var source = SyntheticEnvironment.Generate(SyntheticPresets.Find("demo")!, 42);
        var documents = source.ReadDocuments().ToList();
        At = source.Header.StartedAt!.Value;
        Scan = PostureEngine.Default.Scan(documents, source.Gaps, At, source.Header.Scopes);
    }

    public DateTimeOffset At { get; }

    public PostureScan Scan { get; }

    public IEnumerable<CheckResult> Of(string checkId) => Scan.Results.Where(r => r.CheckId == checkId);
}
