using System.CommandLine;

namespace Argus.Cli.Commands;

/// <summary>Options shared by the posture commands (scan posture, findings, compliance, checks).</summary>
public static class PostureOptions
{
    public static Option<string> Framework(bool required) => new("--framework")
    {
        Description = "Compliance framework id: cis-aws-7.0 or cis-aws-3.0 ('argus checks --frameworks' lists them).",
        HelpName = "ID",
        Required = required,
    };
}
