using System.Text;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Tests;

/// <summary>A hand-written snapshot: AWS CLI answers for one or more accounts, and coverage gaps.</summary>
internal sealed class Fixture
{
    public const string Account = "111111111111";
    public const string Home = "eu-west-1";

    private readonly List<RawDocument> documents = [];
    private readonly List<CoverageGap> gaps = [];

    public static DateTimeOffset At { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Adds an answer; global operations are stored under <c>global</c> whatever region is given.</summary>
    public Fixture With(AwsOperation op, string json, string? resource = null, string region = Home, string account = Account)
    {
        documents.Add(new RawDocument(Provider.Aws, account, op.Global ? Regions.Global : region, op.Service, op.Operation, resource, Encoding.UTF8.GetBytes(json)));
        return this;
    }

    public Fixture Denied(AwsOperation op, string region = Home, string account = Account)
    {
        gaps.Add(new CoverageGap(Provider.Aws, account, op.Global ? Regions.Global : region, op.Service, op.Operation, op.IamAction, GapReason.AccessDenied,
            $"An error occurred (AccessDenied) when calling the {op.Operation} operation"));
        return this;
    }

    /// <summary>A region that was collected (so regional checks look at it) without any answer of interest.</summary>
    public Fixture Collected(string region = Home, string account = Account) =>
        With(AwsOperations.DescribeAvailabilityZones, """{"AvailabilityZones":[]}""", region: region, account: account);

    public IReadOnlyList<CheckResult> Run(string checkId)
    {
        var engine = PostureEngine.Default;
        Assert.NotNull(engine.Checks.Find(checkId));
        return engine.Scan(documents, gaps, At, only: [checkId]).Results;
    }

    /// <summary>Every check over the fixture.</summary>
    public IReadOnlyList<CheckResult> RunAll() => PostureEngine.Default.Scan(documents, gaps, At).Results;

    /// <summary>The single result of a check, asserted to be the only one.</summary>
    public CheckResult Single(string checkId) => Assert.Single(Run(checkId));

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
