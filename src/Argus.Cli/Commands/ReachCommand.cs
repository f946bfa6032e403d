using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Cli.Commands;

/// <summary><c>argus reach</c>: can one thing reach another, on which protocols and ports, by which path.</summary>
public static class ReachCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Source: an instance (i-...), interface (eni-...), IP address, CIDR block or 'internet'.", HelpName = "ENDPOINT", Required = true };
        var to = new Option<string>("--to") { Description = "Destination: an instance, interface, IP address, CIDR block or 'internet'.", HelpName = "ENDPOINT", Required = true };
        var protocol = new Option<string>("--protocol", "-p") { Description = "tcp, udp, icmp, or any (every protocol).", DefaultValueFactory = _ => "tcp" };
        protocol.AcceptOnlyFromAmong("tcp", "udp", "icmp", "any");
        var port = new Option<string>("--port") { Description = "Destination ports for tcp and udp: N, N-M, or a list (22,443,8000-8100). Default: every port.", HelpName = "N[-M]", DefaultValueFactory = _ => "0-65535" };
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON (schema in docs/network.md)." };

        var command = new Command("reach", """
            Answer whether traffic gets from one endpoint to another, by which path, and where and why it stops.

            The answer gives the exact protocols and ports that get through, the path hop by hop (routes, gateways,
            NAT, transit gateways, peerings, network ACLs, security groups) and the return path; when blocked, the
            hop that drops the traffic and why, with an explanation code close to AWS Reachability Analyzer's.

            Examples:
              argus reach --from internet --to i-0abc123 --port 22
              argus reach --from i-0abc123 --to 10.2.0.15 --port 5432 --json
              argus reach --from eni-0def456 --to internet --protocol any
              argus reach --from 192.168.10.0/24 --to i-0abc123 --port 443 --snapshot latest
              argus reach --input ./audit --from internet --to i-0abc123 --port 3389
            """)
        {
            from, to, protocol, port, json,
        };
        foreach (var option in NetworkInput.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, _) =>
        {
            Endpoint source, destination;
            PortSet ports;
            try
            {
                source = Endpoint.Parse(parse.GetValue(from)!);
                destination = Endpoint.Parse(parse.GetValue(to)!);
                ports = PortSet.Parse(parse.GetValue(port)!);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message, ExitCodes.Usage);
            }

            var traffic = TrafficSet.Query(parse.GetValue(protocol) == "any" ? null : Protocols.Parse(parse.GetValue(protocol)), ports);
            var (model, _) = NetworkInput.Load(parse);
            ReachAnswer answer;
            try
            {
                answer = ReachabilityAnalyzer.Query(model, source, destination, traffic);
            }
            catch (EndpointException e)
            {
                throw new CliException(e.Message);
            }

            context.Out.Write(parse.GetValue(json) ? ReachAnswerJson.Serialize(answer) + Environment.NewLine : ReachAnswerText.Format(answer));
            return ExitCodes.Ok;
        });
        return command;
    }
}
