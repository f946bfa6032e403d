using Amazon.Runtime;
using Argus.VmScan.Scanner;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// A <see cref="ScanHarness"/> for scans that launch their scanner: an S3 stand-in holding the results bucket
/// (Argus's role under the vuln.vm-scan policy, the scanner instance's role under its own), and "the instance": the
/// worker running in-process against it, finding attached volumes through the EC2 stand-in.
/// </summary>
internal sealed class LaunchHarness : IDisposable
{
    public const string Bucket = "argus-vm-scan-test";
    public const string Image = "ami-0123456789abcdef0";
    public const string Profile = "ArgusOperator-scanner";

    /// <summary>The access key of the scanner instance's role: only the worker signs with it.</summary>
    public const string InstanceRoleKey = "AKIDINSTANCEROLE";

    public LaunchHarness(bool separateScanner = false)
    {
        H = new ScanHarness(separateScanner);
        S3.AddBucket(Bucket);
        S3.AddCaller("AKIDTARGET", H.Cloud.Policy);
        S3.AddCaller("AKIDSCANNER", H.Cloud.Policy);
        S3.AddCaller(InstanceRoleKey, PolicyEvaluator.ScannerRole());
    }

    public ScanHarness H { get; }

    public S3StandIn S3 { get; } = new();

    public ResultsLocation Results { get; } = new(Bucket, "scans");

    public VmScanOptions Options(bool spot = false) => H.Options(ReadMode.Attach) with
    {
        ScannerInstance = null,
        Launch = new ScannerLaunch(Image, Profile, Results, Spot: spot, OsvPath: "/opt/argus/osv"),
    };

    public S3ResultsStore Store(VmScanCloud cloud) =>
        new(Results, H.Context(H.ScannerAccount, ScanHarness.Region).Credentials, ScanHarness.Region, S3.Endpoint, cloud.Count);

    public VmScanRunner Runner(VmScanCloud cloud, VmScanOptions options, IDiskReader? reader = null) =>
        new(cloud, H.Access, H.Journals, H.Devices, reader ?? H.Reader, H.Devices, options) { Results = Store(cloud) };

    /// <summary>Starts "the instance": the worker of <paramref name="scanId"/>, as the instance role.</summary>
    public Task<int> StartWorker(string scanId, IDiskReader? reader = null, IDeviceLocator? locator = null)
    {
        var store = new S3ResultsStore(Results, new BasicAWSCredentials(InstanceRoleKey, "instance-secret"), ScanHarness.Region, S3.Endpoint);
        var worker = new VmScanWorker(store, Results, scanId, locator ?? new LaunchedDevices(H.Cloud), H.Devices, reader ?? H.Reader, "i-worker")
        {
            PollInterval = TimeSpan.FromMilliseconds(5),
            DevicePolls = 3,
            IdleLimit = TimeSpan.FromSeconds(30),
        };
        return Task.Run(async () =>
        {
            using (store)
            {
                return await worker.RunAsync(null, CancellationToken.None);
            }
        });
    }

    public void Dispose()
    {
        S3.Dispose();
        H.Dispose();
    }

    /// <summary>The device locator on the launched instance: a volume attached to a running launched instance appears as its image file.</summary>
    public sealed class LaunchedDevices(Ec2KmsStandIn cloud) : IDeviceLocator
    {
        public string? Locate(string volumeId, string requestedDevice) => cloud.AttachedToLaunched(volumeId, requestedDevice);
    }
}
