using Argus.Network.Traffic;

namespace Argus.Network.Exposure;

/// <summary>What kind of service an exposed port set opens, which decides the finding's check and severity.</summary>
public static class ExposureCategory
{
    public const string AllPorts = "network.exposure.all-ports";
    public const string RemoteAdmin = "network.exposure.remote-admin";
    public const string Database = "network.exposure.database";
    public const string Other = "network.exposure.other";

    /// <summary>Every exposure check, for resolving findings a later scan no longer reports.</summary>
    public static IReadOnlyList<string> All { get; } = [AllPorts, RemoteAdmin, Database, Other];

    /// <summary>SSH, Telnet, RDP, VNC, WinRM, X11, the Docker and Kubernetes APIs.</summary>
    public static readonly TrafficSet RemoteAdministration = TrafficSet.None with
    {
        Tcp = PortSet.Of([(22, 22), (23, 23), (3389, 3389), (5900, 5900), (5985, 5986), (6000, 6000), (2375, 2376), (6443, 6443)]),
        Udp = PortSet.Single(3389),
    };

    /// <summary>SQL Server, Oracle, MySQL, PostgreSQL, Redis, Elasticsearch, MongoDB, CouchDB, Cassandra, Memcached, InfluxDB.</summary>
    public static readonly TrafficSet Databases = TrafficSet.None with
    {
        Tcp = PortSet.Of([(1433, 1433), (1521, 1521), (3306, 3306), (5432, 5432), (6379, 6379), (9200, 9300), (27017, 27019), (5984, 5984), (9042, 9042), (11211, 11211), (8086, 8086)]),
        Udp = PortSet.Single(11211),
    };

    /// <summary>Web ports: exposure of these alone is expected of a public service.</summary>
    public static readonly TrafficSet Web = TrafficSet.None with { Tcp = PortSet.Of([(80, 80), (443, 443)]) };

    /// <summary>The checks an exposed set fails, with severities: every port is critical, administration and databases high.</summary>
    public static IEnumerable<(string CheckId, Argus.Core.Model.Severity Severity, TrafficSet Matched)> Classify(TrafficSet exposed)
    {
        if (exposed.Tcp.Equals(PortSet.AllPorts) || exposed.Udp.Equals(PortSet.AllPorts))
        {
            yield return (AllPorts, Argus.Core.Model.Severity.Critical, exposed);
            yield break;
        }

        var admin = exposed.Intersect(RemoteAdministration);
        if (!admin.IsEmpty)
        {
            yield return (RemoteAdmin, Argus.Core.Model.Severity.High, admin);
        }

        var databases = exposed.Intersect(Databases);
        if (!databases.IsEmpty)
        {
            yield return (Database, Argus.Core.Model.Severity.High, databases);
        }

        var rest = exposed.Except(RemoteAdministration).Except(Databases);
        if (!rest.IsEmpty)
        {
            yield return (Other, Web.IsSupersetOf(rest) ? Argus.Core.Model.Severity.Low : Argus.Core.Model.Severity.Medium, rest);
        }
    }
}
