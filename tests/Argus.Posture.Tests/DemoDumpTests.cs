namespace Argus.Posture.Tests;

public sealed class DemoDumpTests(DemoScan demo) : IClassFixture<DemoScan>
{
    [Fact]
    public void Dump()
    {
        var lines = demo.Scan.Results.Where(r => r.Status != Argus.Core.Model.FindingStatus.Pass)
            .GroupBy(r => (r.CheckId, r.Status))
            .Select(g => $"{g.Key.CheckId} {g.Key.Status} {g.Count()} e.g. {g.First().Account} {g.First().ResourceId} :: {g.First().Message}");
        File.WriteAllLines("/tmp/posture-demo.txt", lines.Append($"total {demo.Scan.Results.Count} in {demo.Scan.Elapsed}"));
    }
}
