using System.Text;
using System.Text.Json;

namespace Argus.Network.Topology;

/// <summary>The topology graph as JSON (docs/network.md), Graphviz dot and Mermaid.</summary>
public static class TopologyWriter
{
    public const int SchemaVersion = 1;

    public static string Json(TopologyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteStartArray("nodes");
            foreach (var n in graph.Nodes)
            {
                w.WriteStartObject();
                w.WriteString("id", n.Id);
                w.WriteString("type", n.Type);
                w.WriteString("label", n.Label);
                w.WriteStringOrNull("account", n.Account);
                w.WriteStringOrNull("region", n.Region);
                w.WriteStringOrNull("parent", n.Parent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("edges");
            foreach (var e in graph.Edges)
            {
                w.WriteStartObject();
                w.WriteString("from", e.From);
                w.WriteString("to", e.To);
                w.WriteString("kind", e.Kind);
                w.WriteStringOrNull("label", e.Label);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);
    }

    /// <summary>Graphviz: accounts, VPCs and subnets as nested clusters.</summary>
    public static string Dot(TopologyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder("digraph argus {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n");
        var ids = Ids(graph);
        Nest(graph, ids,
            (node, indent) => text.Append(indent).Append(ids[node.Id]).Append(" [label=").Append(Quote(node.Label)).Append(", tooltip=").Append(Quote(node.Type)).AppendLine("];"),
            (node, indent) => text.Append(indent).Append("subgraph cluster_").Append(ids[node.Id]).AppendLine(" {")
                .Append(indent).Append("  label=").Append(Quote($"{node.Type} {node.Label}")).AppendLine(";")
                .Append(indent).Append("  ").Append(ids[node.Id]).Append(" [label=").Append(Quote(node.Label)).AppendLine(", shape=point];"),
            indent => text.Append(indent).AppendLine("}"));
        foreach (var e in graph.Edges.Where(e => ids.ContainsKey(e.From) && ids.ContainsKey(e.To)))
        {
            text.Append("  ").Append(ids[e.From]).Append(" -> ").Append(ids[e.To]).Append(" [label=").Append(Quote(e.Label ?? e.Kind))
                .Append(e.Kind is "peering" ? ", dir=both" : "").AppendLine("];");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>Mermaid flowchart: accounts, VPCs and subnets as nested subgraphs.</summary>
    public static string Mermaid(TopologyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder("flowchart LR\n");
        var ids = Ids(graph);
        Nest(graph, ids,
            (node, indent) => text.Append(indent).Append(ids[node.Id]).Append("[\"").Append(Escape(node.Label)).AppendLine("\"]"),
            (node, indent) => text.Append(indent).Append("subgraph ").Append(ids[node.Id]).Append("[\"").Append(Escape($"{node.Type} {node.Label}")).AppendLine("\"]"),
            indent => text.Append(indent).AppendLine("end"));
        foreach (var e in graph.Edges.Where(e => ids.ContainsKey(e.From) && ids.ContainsKey(e.To)))
        {
            text.Append("  ").Append(ids[e.From]).Append(e.Kind == "peering" ? " <-->|" : " -->|").Append(Escape(e.Label ?? e.Kind)).Append("| ").AppendLine(ids[e.To]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Visits the nodes nested by parent: accounts, VPCs and subnets with children open a group, everything else
    /// is a leaf (whose children, if any, follow at the same level).
    /// </summary>
    private static void Nest(TopologyGraph graph, Dictionary<string, string> ids, Action<TopologyNode, string> leaf, Action<TopologyNode, string> open, Action<string> close)
    {
        var children = graph.Nodes.Where(n => n.Parent is not null && ids.ContainsKey(n.Parent)).ToLookup(n => n.Parent!);
        void Visit(TopologyNode node, string indent)
        {
            var nested = children[node.Id].ToList();
            var group = nested.Count > 0 && node.Type is "account" or "vpc" or "subnet";
            if (group)
            {
                open(node, indent);
            }
            else
            {
                leaf(node, indent);
            }

            foreach (var child in nested)
            {
                Visit(child, group ? indent + "  " : indent);
            }

            if (group)
            {
                close(indent);
            }
        }

        foreach (var root in graph.Nodes.Where(n => n.Parent is null || !ids.ContainsKey(n.Parent)))
        {
            Visit(root, "  ");
        }
    }

    /// <summary>Identifiers safe in dot and Mermaid (ARNs hold ':' and '/'): n0, n1, ... in node order.</summary>
    private static Dictionary<string, string> Ids(TopologyGraph graph) =>
        graph.Nodes.Select((n, i) => (n.Id, Key: "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary(p => p.Id, p => p.Key, StringComparer.Ordinal);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
