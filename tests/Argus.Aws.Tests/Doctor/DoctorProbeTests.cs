using Argus.Aws.Client;
using Argus.Aws.Doctor;
using Argus.Aws.Permissions;
using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.Aws.Tests.Doctor;

public sealed class DoctorProbeTests
{
    [Fact]
    public void Every_probe_is_a_declared_read_action_one_per_service()
    {
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance);

        var actions = DoctorProbe.All.Select(p => client.ActionFor(p.Service, p.Operation)).ToList();

        Assert.All(actions, a => Assert.Equal(AccessLevel.Read, AwsPermissionCatalog.Instance.Find(Provider.Aws, a)?.Access));
        Assert.Equal(DoctorProbe.All.Count, DoctorProbe.All.Select(p => p.Service).Distinct().Count());
        Assert.Contains("s3:ListAllMyBuckets", actions);
    }
}
