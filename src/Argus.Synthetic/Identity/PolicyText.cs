namespace Argus.Synthetic.Identity;

/// <summary>
/// Policy documents written as JSON templates with <c>%0%</c>, <c>%1%</c>... placeholders: policies nest braces
/// too deeply for interpolated strings to stay readable.
/// </summary>
internal static class PolicyText
{
    public static string Fill(string template, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            template = template.Replace($"%{i}%", values[i], StringComparison.Ordinal);
        }

        return template;
    }
}
