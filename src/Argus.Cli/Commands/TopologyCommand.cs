using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Network.Topology;

namespace Argus.Cli.Commands;

/// <summary><c>argus topology</c>: the network as a graph, for diagrams and other tools.</summary>
public static class TopologyCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format("json", "dot", "mermaid");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the terminal.", HelpName = "FILE" };
        var command = new Command("topology", """
            Draw the network as JSON, Graphviz dot or Mermaid.

            The graph holds accounts, VPCs, subnets, internet, NAT, VPN and transit gateways, peerings, transit gateway
            attachments, load balancers and instances (JSON schema in docs/network.md).

            Examples:
              argus topology --format mermaid
              argus topology --format dot --output network.dot && dot -Tsvg network.dot > network.svg
              argus topology --format json --input ./audit
            """)
        {
            format, output,
        };
        foreach (var option in NetworkInput.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, _) =>
        {
            var (model, _) = NetworkInput.Load(parse);
            var graph = TopologyGraph.Build(model);
            var text = parse.GetValue(format) switch
            {
                "dot" => TopologyWriter.Dot(graph),
                "mermaid" => TopologyWriter.Mermaid(graph),
                _ => TopologyWriter.Json(graph) + Environment.NewLine,
            };
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file, text);
                context.Error.WriteLine($"Wrote {graph.Nodes.Count:N0} nodes and {graph.Edges.Count:N0} links to {file}.");
            }
            else
            {
                context.Out.Write(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
