using System.Globalization;
using Argus.Core.Import;
using Argus.Core.Model;
using Argus.Posture.Checks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Argus.Posture.Muting;

/// <summary>
/// Mute rules from YAML:
/// <code>
/// mutes:
///   - reason: Bastion reachable by design; access is through the VPN allow-list
///     checks: [aws.ec2.sg-admin-ports-ipv4]
///     accounts: ["545951156650"]
///     regions: [eu-west-1]
///     resources: ["arn:aws:ec2:*:*:security-group/sg-0c5262e4cd86cf920"]
///     tags: { environment: prod }
///     expires: 2026-06-30
/// </code>
/// </summary>
public sealed class MuteRules
{
    private static readonly HashSet<string> Keys = ["reason", "checks", "accounts", "regions", "resources", "tags", "expires"];

    public MuteRules(IReadOnlyList<MuteRule> rules) => Rules = rules;

    public static MuteRules None { get; } = new([]);

    public IReadOnlyList<MuteRule> Rules { get; }

    /// <summary>The first rule in force at <paramref name="scanTime"/> that matches, or null.</summary>
    public MuteRule? Match(CheckOutcome outcome, string checkId, DateTimeOffset scanTime) =>
        Rules.FirstOrDefault(r => r.AppliesAt(scanTime) && r.Matches(outcome, checkId));

    public static MuteRules LoadFile(string path, CheckCatalog? checks = null)
    {
        using var reader = File.OpenText(path);
        return Load(reader, path, checks);
    }

    /// <exception cref="ImportException">Bad YAML, an unknown key, a rule without reason, a bad date or an unknown check id, with file and line.</exception>
    public static MuteRules Load(TextReader reader, string path, CheckCatalog? checks = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ImportException(path, e.InnerException?.Message ?? e.Message, e.Start.Line, e.Start.Column, e);
        }

        if (stream.Documents.Count == 0)
        {
            return None;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("mutes"), out var list))
        {
            throw Error(path, stream.Documents[0].RootNode, "expected a mapping with a 'mutes' list");
        }

        if (list is not YamlSequenceNode sequence)
        {
            throw Error(path, list, "'mutes' must be a list of rules");
        }

        var rules = new List<MuteRule>();
        foreach (var node in sequence)
        {
            if (node is not YamlMappingNode entry)
            {
                throw Error(path, node, "each mute rule must be a mapping (reason, checks, accounts, regions, resources, tags, expires)");
            }

            foreach (var key in entry.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name } || !Keys.Contains(name))
                {
                    throw Error(path, key, $"unknown key '{(key as YamlScalarNode)?.Value}'; expected one of {string.Join(", ", Keys)}");
                }
            }

            var reason = Scalar(entry, "reason", path);
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw Error(path, entry, "a mute rule needs a reason");
            }

            var checkIds = List(entry, "checks", path);
            if (checks is not null)
            {
                foreach (var id in checkIds.Where(id => !id.Contains('*', StringComparison.Ordinal) && !id.Contains('?', StringComparison.Ordinal) && checks.Find(id) is null))
                {
                    throw Error(path, entry.Children[new YamlScalarNode("checks")], $"unknown check '{id}'; 'argus checks' lists them");
                }
            }

            DateTimeOffset? expires = null;
            if (Scalar(entry, "expires", path) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                {
                    throw Error(path, entry.Children[new YamlScalarNode("expires")], $"expires '{text}' is not a date (use 2026-06-30 or 2026-06-30T12:00:00Z)");
                }

                expires = at;
            }

            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (entry.Children.TryGetValue(new YamlScalarNode("tags"), out var tagNode))
            {
                if (tagNode is not YamlMappingNode tagMap)
                {
                    throw Error(path, tagNode, "tags must be a mapping of key: value");
                }

                foreach (var (k, v) in tagMap.Children)
                {
                    tags[((YamlScalarNode)k).Value ?? ""] = (v as YamlScalarNode)?.Value ?? throw Error(path, v, "tag values must be text");
                }
            }

            rules.Add(new MuteRule(reason, checkIds, List(entry, "accounts", path), List(entry, "regions", path), List(entry, "resources", path), tags, expires, (int)entry.Start.Line));
        }

        return new MuteRules(rules);
    }

    private static string? Scalar(YamlMappingNode entry, string key, string path) =>
        entry.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node is YamlScalarNode scalar ? scalar.Value : throw Error(path, node, $"'{key}' must be a single value")
            : null;

    private static IReadOnlyList<string> List(YamlMappingNode entry, string key, string path)
    {
        if (!entry.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        return node switch
        {
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlSequenceNode items => items.Select(i => (i as YamlScalarNode)?.Value ?? throw Error(path, i, $"'{key}' entries must be text")).ToList(),
            _ => throw Error(path, node, $"'{key}' must be a value or a list"),
        };
    }

    private static ImportException Error(string path, YamlNode node, string message) =>
        new(path, message, node.Start.Line, node.Start.Column);
}
