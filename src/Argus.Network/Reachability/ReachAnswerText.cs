using System.Text;

namespace Argus.Network.Reachability;

/// <summary>A reachability answer as plain text, hop by hop, for terminals and logs.</summary>
public static class ReachAnswerText
{
    public static string Format(ReachAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder();
        text.Append(answer.Verdict switch
        {
            Verdict.Reachable => "REACHABLE",
            Verdict.Blocked => "BLOCKED",
            _ => "UNKNOWN",
        }).Append(": ").Append(answer.From).Append(" -> ").Append(answer.To).Append(" (").Append(answer.Requested).AppendLine(")");
        if (answer.Verdict == Verdict.Reachable)
        {
            text.Append("  gets through: ").AppendLine(answer.Reachable.ToString());
        }

        if (!answer.PossiblyReachable.Equals(answer.Reachable))
        {
            text.Append("  possibly also: ").AppendLine(answer.PossiblyReachable.Except(answer.Reachable).ToString());
        }

        if (answer.Exit is not null)
        {
            text.Append("  leaves the modelled network: ").AppendLine(answer.Exit);
        }

        if (answer.Blocked is { } blocked)
        {
            text.Append("  blocked").Append(blocked.ReturnPath ? " on the return path" : "").Append(" at ").Append(blocked.ResourceId)
                .Append(" [").Append(blocked.Code).Append("]: ").AppendLine(blocked.Explanation);
        }

        Path(text, "path", answer.Path);
        Path(text, "return path", answer.ReturnPath);
        foreach (var unknown in answer.Unknowns)
        {
            text.Append("  unknown: ").AppendLine(unknown);
        }

        foreach (var note in answer.Notes)
        {
            text.Append("  note: ").AppendLine(note);
        }

        return text.ToString();
    }

    private static void Path(StringBuilder text, string title, IReadOnlyList<Hop> hops)
    {
        if (hops.Count == 0)
        {
            return;
        }

        text.Append("  ").Append(title).AppendLine(":");
        for (var i = 0; i < hops.Count; i++)
        {
            var hop = hops[i];
            text.Append("   ").Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(2)).Append(". ")
                .Append(hop.ResourceType).Append(' ').Append(hop.ResourceId).Append(" — ").Append(hop.Action).Append(": ").Append(hop.Detail);
            if (hop.Translation is not null)
            {
                text.Append(" [").Append(hop.Translation).Append(']');
            }

            text.AppendLine();
        }
    }
}
