using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// One scanned account and one scanner account (the same one unless asked otherwise) on the stand-in, a client
/// with millisecond retries, and the runner's pieces wired to them.
/// </summary>
internal sealed class ScanHarness : IDisposable
{
    public const string Target = "111111111111";
    public const string Scanner = "222222222222";
    public const string Region = "eu-west-1";

    public ScanHarness(bool separateScanner = false, string scannerRegion = Region)
    {
        Folder = TestDisks.NewFolder();
        Cloud = new Ec2KmsStandIn();
        Cloud.AddAccount(Target, "AKIDTARGET");
        ScannerAccount = separateScanner ? Scanner : Target;
        if (separateScanner)
        {
            Cloud.AddAccount(Scanner, "AKIDSCANNER");
        }

        ScannerRegion = scannerRegion;
        ScannerInstance = Cloud.AddInstance(ScannerAccount, scannerRegion, scannerRegion + "a", new Dictionary<string, string> { ["argus:owner"] = "argus", ["Name"] = "argus scanner" },
            ("/dev/xvda", TestDisks.Ext4(Folder, "scanner-root"), null));
        Devices = new StandInDevices(Cloud, ScannerInstance.Id);
        Journals = new JournalFolder(Path.Combine(Folder, "vm-scans"));
    }

    public string Folder { get; }
    public Ec2KmsStandIn Cloud { get; }
    public string ScannerAccount { get; }
    public string ScannerRegion { get; }
    public StandInInstance ScannerInstance { get; }
    public StandInDevices Devices { get; }
    public SuperblockReader Reader { get; } = new();
    public JournalFolder Journals { get; }
    public List<VmScanEvent> Events { get; } = [];

    public static AwsApiClientOptions FastRetries { get; } = new()
    {
        MaxAttempts = 6,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        Environment = _ => null,
    };

    public AwsCallContext Context(string account, string region) =>
        new(new BasicAWSCredentials(account == Target ? "AKIDTARGET" : "AKIDSCANNER", "stand-in-secret"), region, Cloud.Endpoint);

    public VmScanAccess Access => new(Target, r => Context(Target, r), ScannerAccount, r => Context(ScannerAccount, r));

    public VmScanCloud NewCloud(Func<string, int, CancellationToken, Task>? afterWrite = null) =>
        new(new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, FastRetries), new Progress(Events)) { AfterWrite = afterWrite };

    public VmScanOptions Options(ReadMode mode = ReadMode.Direct, string? scannerKey = null) =>
        new([Region], [], new Dictionary<string, string?>(), mode, ScannerRegion, scannerKey, mode == ReadMode.Attach ? ScannerInstance.Id : null)
        {
            PollInterval = TimeSpan.FromMilliseconds(1),
            MaxPolls = 50,
        };

    public VmScanRunner Runner(VmScanCloud cloud, VmScanOptions options) =>
        new(cloud, Access, Journals, Devices, Reader, Devices, options, new Progress(Events));

    public async Task<ScanPlan> PlanAsync(VmScanCloud cloud, VmScanOptions options) =>
        await new VmScanPlanner(cloud, Access).PlanAsync(options, DateTimeOffset.UtcNow, CancellationToken.None);

    public void Dispose()
    {
        Cloud.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Synchronous, so events are in order when the test reads them.</summary>
    private sealed class Progress(List<VmScanEvent> events) : IProgress<VmScanEvent>
    {
        public void Report(VmScanEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
