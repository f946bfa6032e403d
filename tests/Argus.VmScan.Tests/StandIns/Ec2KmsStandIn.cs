using System.Net;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using Argus.Tests;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// A stateful EC2, KMS and STS on 127.0.0.1 speaking the real wire formats (EC2 query XML, KMS JSON 1.1): instances,
/// volumes backed by ext4 image files, snapshots that complete over a few polls, copies, shares, volumes from
/// snapshots, attachments, keys and grants, tags. Every call is authorized against the policy Argus generates for
/// vuln.vm-scan, so a write on a resource without the Argus tags answers UnauthorizedOperation and is recorded as
/// denied. Requests it does not know (EBS direct) go to <see cref="Fallback"/>.
/// </summary>
internal sealed partial class Ec2KmsStandIn : IDisposable
{
    private const string Ec2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private readonly object gate = new();
    private readonly LoopbackHttpServer server;
    private readonly Dictionary<string, StandInAccount> accounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> servedByEbs = new(StringComparer.Ordinal);
    private int next = 0x1000;
    private int requests;

    public Ec2KmsStandIn(string role = "ArgusOperator")
    {
        Policy = PolicyEvaluator.VmScan(role);
        server = new LoopbackHttpServer(HandleAsync);
    }

    public Uri Endpoint => server.Endpoint;

    public PolicyEvaluator Policy { get; }

    public List<StandInInstance> Instances { get; } = [];
    public List<StandInVolume> Volumes { get; } = [];
    public List<StandInSnapshot> Snapshots { get; } = [];
    public List<StandInKey> Keys { get; } = [];
    public List<StandInGrant> Grants { get; } = [];

    /// <summary>Every write attempted (action and the ids it named), allowed or not.</summary>
    public List<string> WriteAttempts { get; } = [];

    /// <summary>Calls the policy refused.</summary>
    public List<string> Denied { get; } = [];

    /// <summary>Calls answered, by action ("ec2:DescribeSnapshots").</summary>
    public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>Every Nth request answers RequestLimitExceeded (EC2) or ThrottlingException (KMS); 0 never.</summary>
    public int ThrottleEvery { get; set; }

    public int Throttled { get; private set; }

    /// <summary>Describe polls a new snapshot stays pending for.</summary>
    public int SnapshotPolls { get; set; } = 2;

    /// <summary>Answers requests that are not EC2, STS or KMS (the EBS direct APIs); true when it answered.</summary>
    public Func<HttpListenerContext, Task<bool>>? Fallback { get; set; }

    /// <summary>
    /// Serves the EBS direct APIs through <paramref name="ebs"/> for the snapshots this stand-in holds, after checking
    /// what EBS would: the policy grants the action, the snapshot is visible to the caller in its region, completed,
    /// and its key usable by the caller (its own, or through a grant).
    /// </summary>
    public void ServeEbsDirect(EbsDirectStandIn ebs) => Fallback = async context =>
    {
        var parts = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var scope = (context.Request.Headers["Authorization"] ?? "").Split("Credential=", 2).ElementAtOrDefault(1)?.Split(',')[0].Split('/') ?? [];
        var action = parts.Length == 3 ? "ebs:ListSnapshotBlocks" : "ebs:GetSnapshotBlock";
        string? image = null;
        string? refusal = null;
        lock (gate)
        {
            Count(action);
            try
            {
                image = Policy.Grants(action) && scope.Length > 2 && parts.Length > 1 ? OpenForRead(scope[0], scope[2], Uri.UnescapeDataString(parts[1])) : null;
                refusal = image is null ? $"not authorized to perform: {action}" : null;
            }
            catch (InvalidOperationException e)
            {
                refusal = e.Message;
            }

            if (refusal is not null)
            {
                Denied.Add($"{action} {(parts.Length > 1 ? parts[1] : "")}: {refusal}");
            }
        }

        if (refusal is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(new JsonObject { ["Message"] = refusal, ["Reason"] = "UNAUTHORIZED_ACCOUNT" }.ToJsonString());
            context.Response.StatusCode = 403;
            context.Response.Headers["x-amzn-ErrorType"] = "AccessDeniedException";
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            return true;
        }

        lock (gate)
        {
            if (servedByEbs.Add(parts[1]))
            {
                ebs.AddSnapshot(Uri.UnescapeDataString(parts[1]), image!);
            }
        }

        return await ebs.TryAnswerAsync(context);
    };

    public StandInAccount AddAccount(string id, string accessKey, string role = "ArgusOperator")
    {
        var account = new StandInAccount(id, accessKey, role);
        accounts[accessKey] = account;
        return account;
    }

    public string AddKey(string account, string region, string manager)
    {
        var arn = $"arn:aws:kms:{region}:{account}:key/{Guid.NewGuid()}";
        Keys.Add(new StandInKey(arn, account, region, manager));
        return arn;
    }

    public StandInInstance AddInstance(string account, string region, string zone, IReadOnlyDictionary<string, string> tags, params (string Device, string Image, string? Key)[] volumes)
    {
        var instance = new StandInInstance { Id = NewId("i"), Account = account, Region = region, Zone = zone };
        foreach (var (k, v) in tags)
        {
            instance.Tags[k] = v;
        }

        foreach (var (device, image, key) in volumes)
        {
            var volume = new StandInVolume { Id = NewId("vol"), Account = account, Region = region, Zone = zone, Size = 1, KmsKeyId = key, ImagePath = image };
            volume.Attachment = (instance.Id, device, "attached");
            Volumes.Add(volume);
            instance.Devices.Add((device, volume.Id));
        }

        Instances.Add(instance);
        return instance;
    }

    public StandInSnapshot AddSnapshot(string account, string region, string volumeId, string image, IReadOnlyDictionary<string, string> tags, string? key = null)
    {
        var snapshot = new StandInSnapshot { Id = NewId("snap"), Account = account, Region = region, VolumeId = volumeId, Size = 1, ImagePath = image, KmsKeyId = key };
        foreach (var (k, v) in tags)
        {
            snapshot.Tags[k] = v;
        }

        Snapshots.Add(snapshot);
        return snapshot;
    }

    /// <summary>Everything carrying the Argus owner tag or named for a scan: what must be gone after a scan and its cleanup.</summary>
    public IReadOnlyList<string> ArgusResources(string? scanId = null)
    {
        lock (gate)
        {
            bool Mine(Dictionary<string, string> tags) => tags.GetValueOrDefault("argus:owner") == "argus" && (scanId is null ? tags.ContainsKey("argus:scan-id") : tags.GetValueOrDefault("argus:scan-id") == scanId);
            return Volumes.Where(v => Mine(v.Tags)).Select(v => v.Id)
                .Concat(Snapshots.Where(s => Mine(s.Tags)).Select(s => s.Id))
                .Concat(Grants.Where(g => g.Name?.StartsWith("argus-scan-" + scanId, StringComparison.Ordinal) == true).Select(g => "grant " + g.Id))
                .Concat(ScannerResources(Mine))
                .ToList();
        }
    }

    /// <summary>A fingerprint of everything Argus did not create, to show a scan changed nothing else.</summary>
    public string Fingerprint()
    {
        lock (gate)
        {
            bool Argus(Dictionary<string, string> tags) => tags.ContainsKey("argus:scan-id");
            var text = new StringBuilder();
            foreach (var i in Instances.Where(i => !Argus(i.Tags)))
            {
                text.Append($"{i.Id} {i.State} {Tags(i.Tags)} {string.Join(',', i.Devices)}\n");
            }

            foreach (var v in Volumes.Where(v => !Argus(v.Tags)))
            {
                text.Append($"{v.Id} {v.State} {v.Attachment} {Tags(v.Tags)}\n");
            }

            foreach (var s in Snapshots.Where(s => !Argus(s.Tags)))
            {
                text.Append($"{s.Id} {Tags(s.Tags)} {string.Join(',', s.SharedWith)}\n");
            }

            foreach (var g in Grants.Where(g => g.Name?.StartsWith("argus-scan-", StringComparison.Ordinal) != true))
            {
                text.Append($"grant {g.Id}\n");
            }

            FingerprintNetwork(text, Argus);

            return text.ToString();
        }
    }

    /// <summary>
    /// The image behind a snapshot the caller may read (EBS direct): visible to its account in its region,
    /// completed, and its key usable by the caller (own key, or a grant with Decrypt).
    /// </summary>
    public string OpenForRead(string accessKey, string region, string snapshotId)
    {
        lock (gate)
        {
            var caller = accounts[accessKey];
            var snapshot = Snapshots.FirstOrDefault(s => s.Id == snapshotId && s.Region == region && Visible(s, caller))
                ?? throw new InvalidOperationException($"{snapshotId} is not visible to {caller.Id} in {region}");
            if (snapshot.State != "completed" || !KeyUsable(snapshot.KmsKeyId, caller))
            {
                throw new InvalidOperationException($"{snapshotId} cannot be read by {caller.PrincipalArn}");
            }

            return snapshot.ImagePath;
        }
    }

    public void Dispose()
    {
        try
        {
            server.Dispose();
        }
        catch (HttpListenerException)
        {
            // Linux's managed listener can report a port another stand-in just reused; the listener is closed either way.
        }
    }

    private string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref next):x17}";

    private async Task HandleAsync(HttpListenerContext context)
    {
        if (context.Request.Url!.AbsolutePath.StartsWith("/snapshots", StringComparison.Ordinal) && Fallback is { } fallback && await fallback(context))
        {
            return;
        }

        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var authorization = context.Request.Headers["Authorization"] ?? "";
        var scope = authorization.Split("Credential=", 2).ElementAtOrDefault(1)?.Split(',')[0].Split('/') ?? [];
        var target = context.Request.Headers["X-Amz-Target"];
        (int Status, string Type, string Body) answer;
        lock (gate)
        {
            if (scope.Length < 3 || !accounts.TryGetValue(scope[0], out var caller))
            {
                answer = (403, "text/xml", Error("AuthFailure", "unknown access key"));
            }
            else
            {
                var region = scope[2];
                answer = target is not null ? Kms(target.Split('.').Last(), JsonNode.Parse(body)!.AsObject(), caller, region) : Query(Form(body), caller, region);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.Type;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private bool Throttle() => ThrottleEvery > 0 && ++requests % ThrottleEvery == 0 && ++Throttled > 0;

    private void Count(string action) => Calls[action] = Calls.GetValueOrDefault(action) + 1;

    // ---------------------------------------------------------------- EC2 and STS (query protocol)

    private (int, string, string) Query(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var action = form.GetValueOrDefault("Action") ?? "";
        if (form.GetValueOrDefault("Version") == "2011-06-15")
        {
            Count("sts:" + action);
            return (200, "text/xml", $"""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
                <Arn>arn:aws:sts::{caller.Id}:assumed-role/{caller.RoleName}/argus</Arn><UserId>AROAEXAMPLE:argus</UserId><Account>{caller.Id}</Account>
                </GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>
                """);
        }

        if (Throttle())
        {
            return (503, "text/xml", Error("RequestLimitExceeded", "Request limit exceeded."));
        }

        Count("ec2:" + action);
        if (!Policy.Grants("ec2:" + action))
        {
            Denied.Add($"ec2:{action} (not in the policy)");
            return (403, "text/xml", Error("UnauthorizedOperation", $"You are not authorized to perform: ec2:{action}"));
        }

        try
        {
            return (200, "text/xml", action switch
            {
                "DescribeInstances" => DescribeInstances(form, caller, region),
                "DescribeVolumes" => DescribeVolumes(form, caller, region),
                "DescribeSnapshots" => DescribeSnapshots(form, caller, region),
                "CreateSnapshot" => CreateSnapshot(form, caller, region),
                "CopySnapshot" => CopySnapshot(form, caller, region),
                "ModifySnapshotAttribute" => ModifySnapshotAttribute(form, caller, region),
                "DeleteSnapshot" => DeleteSnapshot(form, caller, region),
                "CreateVolume" => CreateVolume(form, caller, region),
                "AttachVolume" => AttachVolume(form, caller, region),
                "DetachVolume" => DetachVolume(form, caller, region),
                "DeleteVolume" => DeleteVolume(form, caller, region),
                _ => ScannerAction(action, form, caller, region) ?? throw new Ec2Error(400, "InvalidAction", $"the stand-in does not answer {action}"),
            });
        }
        catch (Ec2Error e)
        {
            return (e.Status, "text/xml", Error(e.Code, e.Message));
        }
    }

    private sealed class Ec2Error(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;
    }

    private string DescribeInstances(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var ids = List(form, "InstanceId");
        var found = Instances.Where(i => i.Account == caller.Id && i.Region == region && (ids.Count == 0 || ids.Contains(i.Id)) && Matches(form, i.Tags, name => name switch
        {
            "instance-state-name" => [i.State],
            "instance-id" => [i.Id],
            _ => null,
        })).ToList();
        foreach (var i in found)
        {
            Progress(i);
        }

        var items = string.Concat(found.Select(i => $"""
            <item><reservationId>r-{i.Id[2..]}</reservationId><ownerId>{i.Account}</ownerId><instancesSet><item>
            <instanceId>{i.Id}</instanceId><instanceState><code>16</code><name>{i.State}</name></instanceState>
            <launchTime>{i.LaunchTime:yyyy-MM-ddTHH:mm:ss.fffZ}</launchTime>{(i.SubnetId is { } sn ? $"<subnetId>{sn}</subnetId>" : "")}{(i.Spot ? "<instanceLifecycle>spot</instanceLifecycle>" : "")}
            <placement><availabilityZone>{i.Zone}</availabilityZone></placement>
            <blockDeviceMapping>{string.Concat(i.Devices.Select(d => $"<item><deviceName>{d.Device}</deviceName><ebs><volumeId>{d.VolumeId}</volumeId><status>attached</status></ebs></item>"))}</blockDeviceMapping>
            {TagSet(i.Tags)}</item></instancesSet></item>
            """));
        return $"<DescribeInstancesResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><reservationSet>{items}</reservationSet></DescribeInstancesResponse>";
    }

    private string DescribeVolumes(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var ids = List(form, "VolumeId");
        var found = Volumes.Where(v => v.Account == caller.Id && v.Region == region && (ids.Count == 0 || ids.Contains(v.Id)) && Matches(form, v.Tags, _ => null)).ToList();
        if (ids.Count > 0 && found.Count < ids.Count)
        {
            throw new Ec2Error(400, "InvalidVolume.NotFound", $"The volume '{ids.Except(found.Select(v => v.Id)).First()}' does not exist.");
        }

        foreach (var v in found)
        {
            Progress(v);
        }

        return $"<DescribeVolumesResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><volumeSet>{string.Concat(found.Select(VolumeXml))}</volumeSet></DescribeVolumesResponse>";
    }

    private static void Progress(StandInVolume v)
    {
        if (v.PollsUntilReady > 0 && --v.PollsUntilReady > 0)
        {
            return;
        }

        if (v.State == "creating")
        {
            v.State = "available";
        }

        if (v.Attachment is { State: "attaching" } a)
        {
            v.Attachment = a with { State = "attached" };
            v.State = "in-use";
        }
        else if (v.Attachment is { State: "detaching" })
        {
            v.Attachment = null;
            v.State = "available";
        }
    }

    private string DescribeSnapshots(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var ids = List(form, "SnapshotId");
        var owners = List(form, "Owner");
        var found = Snapshots.Where(s => s.Region == region && Visible(s, caller) && (ids.Count == 0 || ids.Contains(s.Id))
            && (owners.Count == 0 || owners.Any(o => (o == "self" ? caller.Id : o) == s.Account))
            && Matches(form, s.Tags, name => name == "volume-id" ? [s.VolumeId] : null)).ToList();
        if (ids.Count > 0 && found.Count < ids.Count)
        {
            throw new Ec2Error(400, "InvalidSnapshot.NotFound", $"The snapshot '{ids.Except(found.Select(s => s.Id)).First()}' does not exist.");
        }

        foreach (var s in found.Where(s => s.PollsUntilCompleted > 0))
        {
            s.PollsUntilCompleted--;
        }

        var items = string.Concat(found.Select(s => $"""
            <item><snapshotId>{s.Id}</snapshotId><volumeId>{s.VolumeId}</volumeId><status>{s.State}</status><startTime>{s.Started:yyyy-MM-ddTHH:mm:ss.fffZ}</startTime>
            <progress>{(s.State == "completed" ? "100%" : "50%")}</progress><ownerId>{s.Account}</ownerId><volumeSize>{s.Size}</volumeSize>
            <encrypted>{(s.KmsKeyId is not null ? "true" : "false")}</encrypted>{(s.KmsKeyId is { } k ? $"<kmsKeyId>{k}</kmsKeyId>" : "")}{TagSet(s.Tags)}</item>
            """));
        return $"<DescribeSnapshotsResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><snapshotSet>{items}</snapshotSet></DescribeSnapshotsResponse>";
    }

    private string CreateSnapshot(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var volumeId = form["VolumeId"];
        var tags = RequestTags(form, "snapshot");
        Attempt("CreateSnapshot", volumeId);
        var volume = Volumes.FirstOrDefault(v => v.Id == volumeId && v.Account == caller.Id && v.Region == region) ?? throw new Ec2Error(400, "InvalidVolume.NotFound", $"The volume '{volumeId}' does not exist.");
        AuthorizeCreate("CreateSnapshot", tags, volumeId);
        var snapshot = new StandInSnapshot
        {
            Id = NewId("snap"), Account = caller.Id, Region = region, VolumeId = volumeId, Size = volume.Size, KmsKeyId = volume.KmsKeyId, ImagePath = volume.ImagePath,
            PollsUntilCompleted = SnapshotPolls,
        };
        Tag(snapshot.Tags, tags);
        Snapshots.Add(snapshot);
        return $"<CreateSnapshotResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><snapshotId>{snapshot.Id}</snapshotId><volumeId>{volumeId}</volumeId><status>pending</status><ownerId>{caller.Id}</ownerId></CreateSnapshotResponse>";
    }

    private string CopySnapshot(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var sourceId = form["SourceSnapshotId"];
        var sourceRegion = form["SourceRegion"];
        var tags = RequestTags(form, "snapshot");
        Attempt("CopySnapshot", sourceId);
        var source = Snapshots.FirstOrDefault(s => s.Id == sourceId && s.Region == sourceRegion && Visible(s, caller))
            ?? throw new Ec2Error(400, "InvalidSnapshot.NotFound", $"The snapshot '{sourceId}' does not exist.");
        AuthorizeCreate("CopySnapshot", tags, sourceId);
        if (source.State != "completed")
        {
            throw new Ec2Error(400, "IncorrectState", $"{sourceId} is not completed");
        }

        if (!KeyUsable(source.KmsKeyId, caller))
        {
            throw new Ec2Error(400, "InvalidParameterValue", $"{caller.Id} cannot use the key of {sourceId}");
        }

        var key = form.GetValueOrDefault("KmsKeyId") ?? source.KmsKeyId;
        var copy = new StandInSnapshot
        {
            Id = NewId("snap"), Account = caller.Id, Region = region, VolumeId = "vol-ffffffff", Size = source.Size, KmsKeyId = key, ImagePath = source.ImagePath,
            PollsUntilCompleted = SnapshotPolls,
        };
        Tag(copy.Tags, tags);
        Snapshots.Add(copy);
        return $"<CopySnapshotResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><snapshotId>{copy.Id}</snapshotId></CopySnapshotResponse>";
    }

    private string ModifySnapshotAttribute(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var snapshot = OwnedSnapshot(form["SnapshotId"], caller, region, "ModifySnapshotAttribute");
        if (snapshot.KmsKeyId is { } key && Keys.First(k => k.Arn == key).Manager == "AWS")
        {
            throw new Ec2Error(400, "InvalidParameter", "Snapshots encrypted with the AWS Managed CMK can't be shared.");
        }

        foreach (var user in form.Where(p => p.Key.StartsWith("CreateVolumePermission.Add.", StringComparison.Ordinal) && p.Key.EndsWith(".UserId", StringComparison.Ordinal)).Select(p => p.Value)
            .Concat(List(form, "UserId")))
        {
            snapshot.SharedWith.Add(user);
        }

        return Ok("ModifySnapshotAttribute");
    }

    private string DeleteSnapshot(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var snapshot = OwnedSnapshot(form["SnapshotId"], caller, region, "DeleteSnapshot");
        Snapshots.Remove(snapshot);
        return Ok("DeleteSnapshot");
    }

    private string CreateVolume(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var snapshotId = form["SnapshotId"];
        var tags = RequestTags(form, "volume");
        Attempt("CreateVolume", snapshotId);
        var snapshot = Snapshots.FirstOrDefault(s => s.Id == snapshotId && s.Region == region && Visible(s, caller))
            ?? throw new Ec2Error(400, "InvalidSnapshot.NotFound", $"The snapshot '{snapshotId}' does not exist.");
        AuthorizeCreate("CreateVolume", tags, snapshotId);
        if (!KeyUsable(snapshot.KmsKeyId, caller))
        {
            throw new Ec2Error(400, "InvalidParameterValue", $"{caller.Id} cannot use the key of {snapshotId}");
        }

        var volume = new StandInVolume
        {
            Id = NewId("vol"), Account = caller.Id, Region = region, Zone = form["AvailabilityZone"], Size = snapshot.Size, KmsKeyId = snapshot.KmsKeyId,
            SnapshotId = snapshotId, ImagePath = snapshot.ImagePath, State = "creating", PollsUntilReady = 2,
        };
        Tag(volume.Tags, tags);
        Volumes.Add(volume);
        return $"<CreateVolumeResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><volumeId>{volume.Id}</volumeId><size>{volume.Size}</size><availabilityZone>{volume.Zone}</availabilityZone><status>creating</status></CreateVolumeResponse>";
    }

    private string AttachVolume(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var volume = OwnedVolume(form["VolumeId"], caller, region, "AttachVolume");
        var instance = Instances.FirstOrDefault(i => i.Id == form["InstanceId"] && i.Account == caller.Id && i.Region == region)
            ?? throw new Ec2Error(400, "InvalidInstanceID.NotFound", $"The instance '{form["InstanceId"]}' does not exist.");
        Authorize("AttachVolume", ResourceContext(instance.Tags), instance.Id);
        if (volume.State != "available" || volume.Zone != instance.Zone)
        {
            throw new Ec2Error(400, "IncorrectState", $"{volume.Id} is {volume.State} in {volume.Zone}, the instance is in {instance.Zone}");
        }

        volume.Attachment = (instance.Id, form["Device"], "attaching");
        volume.PollsUntilReady = 2;
        return $"<AttachVolumeResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><volumeId>{volume.Id}</volumeId><instanceId>{instance.Id}</instanceId><device>{form["Device"]}</device><status>attaching</status></AttachVolumeResponse>";
    }

    private string DetachVolume(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var volume = OwnedVolume(form["VolumeId"], caller, region, "DetachVolume");
        if (volume.Attachment is not { } a)
        {
            throw new Ec2Error(400, "IncorrectState", $"{volume.Id} is not attached");
        }

        volume.Attachment = a with { State = "detaching" };
        volume.PollsUntilReady = 2;
        return $"<DetachVolumeResponse xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><volumeId>{volume.Id}</volumeId><instanceId>{a.Instance}</instanceId><device>{a.Device}</device><status>detaching</status></DetachVolumeResponse>";
    }

    private string DeleteVolume(Dictionary<string, string> form, StandInAccount caller, string region)
    {
        var volume = OwnedVolume(form["VolumeId"], caller, region, "DeleteVolume");
        if (volume.Attachment is not null)
        {
            throw new Ec2Error(400, "VolumeInUse", $"{volume.Id} is attached");
        }

        Volumes.Remove(volume);
        return Ok("DeleteVolume");
    }

    private StandInSnapshot OwnedSnapshot(string id, StandInAccount caller, string region, string action)
    {
        Attempt(action, id);
        var snapshot = Snapshots.FirstOrDefault(s => s.Id == id && s.Account == caller.Id && s.Region == region) ?? throw new Ec2Error(400, "InvalidSnapshot.NotFound", $"The snapshot '{id}' does not exist.");
        Authorize(action, ResourceContext(snapshot.Tags), id);
        return snapshot;
    }

    private StandInVolume OwnedVolume(string id, StandInAccount caller, string region, string action)
    {
        Attempt(action, id);
        var volume = Volumes.FirstOrDefault(v => v.Id == id && v.Account == caller.Id && v.Region == region) ?? throw new Ec2Error(400, "InvalidVolume.NotFound", $"The volume '{id}' does not exist.");
        Authorize(action, ResourceContext(volume.Tags), id);
        return volume;
    }

    private void Attempt(string action, string id) => WriteAttempts.Add($"ec2:{action} {id}");

    private void AuthorizeCreate(string action, Dictionary<string, string> tags, string id)
    {
        var context = tags.ToDictionary(t => "aws:RequestTag/" + t.Key, t => (IReadOnlyList<string>)[t.Value], StringComparer.Ordinal);
        Authorize(action, context, id);
        if (tags.Count > 0)
        {
            // Tagging on creation is authorized as ec2:CreateTags with the creating action.
            context["ec2:CreateAction"] = [action];
            Authorize("CreateTags", context, id);
        }
    }

    private void Authorize(string action, IReadOnlyDictionary<string, IReadOnlyList<string>> context, string id)
    {
        if (!Policy.Allows("ec2:" + action, context))
        {
            Denied.Add($"ec2:{action} {id}");
            throw new Ec2Error(403, "UnauthorizedOperation", $"You are not authorized to perform: ec2:{action} on {id}");
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ResourceContext(Dictionary<string, string> tags) =>
        tags.ToDictionary(t => "aws:ResourceTag/" + t.Key, t => (IReadOnlyList<string>)[t.Value], StringComparer.Ordinal);

    private bool Visible(StandInSnapshot s, StandInAccount caller) => s.Account == caller.Id || s.SharedWith.Contains(caller.Id);

    private bool KeyUsable(string? keyArn, StandInAccount caller)
    {
        if (keyArn is null)
        {
            return true;
        }

        var key = Keys.First(k => k.Arn == keyArn);
        return key.Account == caller.Id
            || (key.Manager == "CUSTOMER" && Grants.Any(g => g.KeyArn == keyArn && g.Grantee == caller.PrincipalArn && g.Operations.Contains("Decrypt")));
    }

    private static bool Matches(Dictionary<string, string> form, Dictionary<string, string> tags, Func<string, string[]?> property)
    {
        for (var n = 1; form.TryGetValue($"Filter.{n}.Name", out var name); n++)
        {
            var values = List(form, $"Filter.{n}.Value");
            var ok = name switch
            {
                "tag-key" => values.Any(tags.ContainsKey),
                _ when name.StartsWith("tag:", StringComparison.Ordinal) => tags.TryGetValue(name[4..], out var v) && values.Contains(v),
                _ => property(name) is { } actual ? actual.Any(values.Contains) : throw new Ec2Error(400, "InvalidParameterValue", $"the stand-in does not filter by {name}"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, string> RequestTags(Dictionary<string, string> form, string resourceType)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; form.TryGetValue($"TagSpecification.{n}.ResourceType", out var type); n++)
        {
            if (type != resourceType)
            {
                throw new Ec2Error(400, "InvalidParameterValue", $"tag specification for {type}, expected {resourceType}");
            }

            for (var m = 1; form.TryGetValue($"TagSpecification.{n}.Tag.{m}.Key", out var key); m++)
            {
                tags[key] = form.GetValueOrDefault($"TagSpecification.{n}.Tag.{m}.Value") ?? "";
            }
        }

        return tags;
    }

    private static void Tag(Dictionary<string, string> target, Dictionary<string, string> tags)
    {
        foreach (var (k, v) in tags)
        {
            target[k] = v;
        }
    }

    private static List<string> List(Dictionary<string, string> form, string prefix) =>
        form.Where(p => p.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && int.TryParse(p.Key[(prefix.Length + 1)..], out _))
            .OrderBy(p => int.Parse(p.Key[(prefix.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Select(p => p.Value).ToList();

    private static string VolumeXml(StandInVolume v) => $"""
        <item><volumeId>{v.Id}</volumeId><size>{v.Size}</size><availabilityZone>{v.Zone}</availabilityZone><status>{v.State}</status>
        <createTime>{v.Created:yyyy-MM-ddTHH:mm:ss.fffZ}</createTime><encrypted>{(v.KmsKeyId is not null ? "true" : "false")}</encrypted>
        {(v.KmsKeyId is { } k ? $"<kmsKeyId>{k}</kmsKeyId>" : "")}{(v.SnapshotId is { } s ? $"<snapshotId>{s}</snapshotId>" : "")}
        <attachmentSet>{(v.Attachment is { } a ? $"<item><volumeId>{v.Id}</volumeId><instanceId>{a.Instance}</instanceId><device>{a.Device}</device><status>{a.State}</status></item>" : "")}</attachmentSet>
        {TagSet(v.Tags)}</item>
        """;

    private static string TagSet(Dictionary<string, string> tags) =>
        $"<tagSet>{string.Concat(tags.Select(t => $"<item><key>{SecurityElement.Escape(t.Key)}</key><value>{SecurityElement.Escape(t.Value)}</value></item>"))}</tagSet>";

    private static string Tags(Dictionary<string, string> tags) => string.Join(',', tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    private static string Ok(string action) => $"<{action}Response xmlns=\"{Ec2Namespace}\"><requestId>r</requestId><return>true</return></{action}Response>";

    private static string Error(string code, string message) =>
        $"<Response><Errors><Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error></Errors><RequestID>r</RequestID></Response>";

    private static Dictionary<string, string> Form(string body) => body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);

    // ---------------------------------------------------------------- KMS (JSON 1.1)

    private (int, string, string) Kms(string operation, JsonObject request, StandInAccount caller, string region)
    {
        const string type = "application/x-amz-json-1.1";
        if (Throttle())
        {
            return (400, type, KmsError("ThrottlingException", "Rate exceeded"));
        }

        Count("kms:" + operation);
        if (!Policy.Grants("kms:" + operation))
        {
            Denied.Add($"kms:{operation} (not in the policy)");
            return (400, type, KmsError("AccessDeniedException", $"not authorized to perform kms:{operation}"));
        }

        var keyId = request["KeyId"]?.GetValue<string>() ?? "";
        var key = Keys.FirstOrDefault(k => k.Arn == keyId || k.Arn.EndsWith("/" + keyId, StringComparison.Ordinal));
        if (key is null || (key.Account != caller.Id && operation != "DescribeKey"))
        {
            return (400, type, KmsError("NotFoundException", $"Key '{keyId}' does not exist"));
        }

        switch (operation)
        {
            case "DescribeKey":
                return (200, type, new JsonObject { ["KeyMetadata"] = new JsonObject { ["KeyId"] = key.Arn.Split('/').Last(), ["Arn"] = key.Arn, ["KeyManager"] = key.Manager, ["KeyState"] = "Enabled", ["Enabled"] = true } }.ToJsonString());
            case "ListGrants":
                return (200, type, new JsonObject
                {
                    ["Grants"] = new JsonArray(Grants.Where(g => g.KeyArn == key.Arn).Select(g => (JsonNode)new JsonObject
                    {
                        ["KeyId"] = g.KeyArn, ["GrantId"] = g.Id, ["Name"] = g.Name, ["CreationDate"] = g.Created.ToUnixTimeSeconds(),
                        ["GranteePrincipal"] = g.Grantee, ["RetiringPrincipal"] = g.Retiring, ["Operations"] = new JsonArray(g.Operations.Select(o => (JsonNode)o).ToArray()),
                    }).ToArray()),
                    ["Truncated"] = false,
                }.ToJsonString());
            case "CreateGrant":
                var grantee = request["GranteePrincipal"]?.GetValue<string>() ?? "";
                var operations = (request["Operations"] as JsonArray ?? []).Select(o => o!.GetValue<string>()).ToList();
                WriteAttempts.Add($"kms:CreateGrant {key.Arn}");
                var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
                {
                    ["kms:GrantOperations"] = operations,
                    ["kms:GranteePrincipal"] = [grantee],
                    ["kms:CallerAccount"] = [caller.Id],
                };
                if (!Policy.Allows("kms:CreateGrant", context))
                {
                    Denied.Add($"kms:CreateGrant {key.Arn} for {grantee}");
                    return (400, type, KmsError("AccessDeniedException", "not authorized to perform kms:CreateGrant"));
                }

                var grant = new StandInGrant(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), key.Arn, request["Name"]?.GetValue<string>(), grantee,
                    request["RetiringPrincipal"]?.GetValue<string>(), operations, DateTimeOffset.UtcNow);
                Grants.Add(grant);
                return (200, type, new JsonObject { ["GrantId"] = grant.Id, ["GrantToken"] = "token-" + grant.Id[..8] }.ToJsonString());
            case "RetireGrant":
                var id = request["GrantId"]?.GetValue<string>();
                WriteAttempts.Add($"kms:RetireGrant {id}");
                if (!Policy.Allows("kms:RetireGrant", new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["kms:CallerAccount"] = [caller.Id] }))
                {
                    Denied.Add($"kms:RetireGrant {id}");
                    return (400, type, KmsError("AccessDeniedException", "not authorized to perform kms:RetireGrant"));
                }

                var found = Grants.FirstOrDefault(g => g.Id == id && g.KeyArn == key.Arn);
                if (found is null)
                {
                    return (400, type, KmsError("NotFoundException", $"Grant '{id}' does not exist"));
                }

                if (found.Retiring != $"arn:aws:iam::{caller.Id}:root" && found.Retiring != caller.PrincipalArn)
                {
                    return (400, type, KmsError("AccessDeniedException", $"{caller.PrincipalArn} is not the grant's retiring principal"));
                }

                Grants.Remove(found);
                return (200, type, "{}");
            default:
                return (400, type, KmsError("UnsupportedOperationException", operation));
        }
    }

    private static string KmsError(string code, string message) => new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString();
}
