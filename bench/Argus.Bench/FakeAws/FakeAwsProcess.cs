using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Argus.Bench.FakeAws;

/// <summary>
/// The fake AWS in a process of its own (this benchmark run as <c>collect-fake</c>), so that the collector's CPU
/// and memory are measured apart from the fake's: both still share the machine's cores, as AWS's servers would not.
/// </summary>
internal sealed class FakeAwsProcess : IDisposable
{
    private readonly Process process;

    private FakeAwsProcess(Process process, Uri endpoint, int documents, IReadOnlyDictionary<string, List<string>> accounts)
    {
        this.process = process;
        Endpoint = endpoint;
        Documents = documents;
        Accounts = accounts;
    }

    public Uri Endpoint { get; }

    /// <summary>Documents in the preset the fake answers from.</summary>
    public int Documents { get; }

    /// <summary>The preset's accounts and their regions.</summary>
    public IReadOnlyDictionary<string, List<string>> Accounts { get; }

    /// <summary>Starts the fake and waits until every answer is rendered and it listens.</summary>
    public static FakeAwsProcess Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // A profiler attached to the benchmark (dotnet-trace) profiles the collector, not the fake.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("collect-fake");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the fake AWS process did not start");
        var ready = process.StandardOutput.ReadLine()?.Split(' ', 4);
        if (ready is not ["ready", var endpoint, var documents, var accounts])
        {
            process.Kill();
            throw new InvalidOperationException($"the fake AWS process did not get ready: {string.Join(' ', ready ?? [])}");
        }

        return new FakeAwsProcess(process, new Uri(endpoint), int.Parse(documents, System.Globalization.CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<Dictionary<string, List<string>>>(accounts)!);
    }

    /// <summary>The timed part begins: the fake notes its CPU time.</summary>
    public void StartClock() => Exchange("start");

    /// <summary>The timed part ended: the fake's counts and CPU seconds since <see cref="StartClock"/>.</summary>
    public FakeAwsStats StopClock() => JsonSerializer.Deserialize<FakeAwsStats>(Exchange("stop"))!;

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
        }

        process.Dispose();
    }

    private string Exchange(string command)
    {
        process.StandardInput.WriteLine(command);
        process.StandardInput.Flush();
        return process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"the fake AWS process ended before answering {command}");
    }
}
