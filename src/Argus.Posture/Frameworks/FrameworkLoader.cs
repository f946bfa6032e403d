using Argus.Core.Import;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Argus.Posture.Frameworks;

/// <summary>Reads a framework YAML file (see <c>Frameworks/Data/*.yaml</c>).</summary>
public static class FrameworkLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <exception cref="ImportException">Malformed YAML or a missing field, naming <paramref name="path"/> and the line.</exception>
    public static Framework Load(TextReader reader, string path)
    {
        FrameworkFile file;
        try
        {
            file = Deserializer.Deserialize<FrameworkFile>(reader) ?? throw new ImportException(path, "empty framework file");
        }
        catch (YamlException e)
        {
            throw new ImportException(path, FirstLine(e), e.Start.Line, e.Start.Column, e);
        }

        if (string.IsNullOrWhiteSpace(file.Id) || string.IsNullOrWhiteSpace(file.Name))
        {
            throw new ImportException(path, "a framework needs an id and a name");
        }

        var requirements = new List<Requirement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in file.Requirements ?? [])
        {
            if (string.IsNullOrWhiteSpace(r.Id) || string.IsNullOrWhiteSpace(r.Title) || string.IsNullOrWhiteSpace(r.Section))
            {
                throw new ImportException(path, $"requirement '{r.Id}' needs an id, a title and a section");
            }

            if (!seen.Add(r.Id))
            {
                throw new ImportException(path, $"requirement {r.Id} appears twice");
            }

            if (r.Assessment is not ("automated" or "manual"))
            {
                throw new ImportException(path, $"requirement {r.Id}: assessment must be automated or manual, not '{r.Assessment}'");
            }

            requirements.Add(new Requirement(r.Id, r.Title, r.Section, r.Subsection, r.Profile ?? "", r.Assessment == "automated", r.Checks ?? [], r.Reason));
        }

        return new Framework(file.Id, file.Name, file.Version ?? "", requirements);
    }

    private static string FirstLine(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.IndexOf('\n');
        return cut > 0 ? message[..cut] : message;
    }

    // YamlDotNet fills these by reflection.
    private sealed class FrameworkFile
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Version { get; set; }

        public List<RequirementEntry>? Requirements { get; set; }
    }

    private sealed class RequirementEntry
    {
        public string Id { get; set; } = "";

        public string Title { get; set; } = "";

        public string Section { get; set; } = "";

        public string? Subsection { get; set; }

        public string? Profile { get; set; }

        public string Assessment { get; set; } = "";

        public List<string>? Checks { get; set; }

        public string? Reason { get; set; }
    }
}
