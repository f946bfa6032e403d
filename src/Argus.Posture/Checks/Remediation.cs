namespace Argus.Posture.Checks;

/// <summary>How to fix a failing resource, as a command, a CloudFormation fragment and a Terraform fragment.</summary>
public sealed record Remediation(string Cli, string CloudFormation, string Terraform);
