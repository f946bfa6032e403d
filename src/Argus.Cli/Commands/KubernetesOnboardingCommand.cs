using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Kubernetes.Onboarding;

namespace Argus.Cli.Commands;

/// <summary><c>argus onboarding k8s</c>: the read-only RBAC manifests Argus needs in a cluster.</summary>
public static class KubernetesOnboardingCommand
{
    public static Command Create(CliContext context)
    {
        var ns = new Option<string>("--namespace") { Description = "Namespace of the Argus service account.", DefaultValueFactory = _ => "argus", HelpName = "NAME" };
        var account = new Option<string>("--service-account") { Description = "Name of the Argus service account.", DefaultValueFactory = _ => "argus-reader", HelpName = "NAME" };
        var scans = new Option<string>("--scan-namespace") { Description = "Namespace for Argus's image scan jobs, the only place it may create (and delete) anything: batch jobs.", DefaultValueFactory = _ => "argus-scans", HelpName = "NAME" };
        var eks = new Option<string?>("--eks-cluster") { Description = "For EKS: also print the access entry giving --eks-principal-arn AmazonEKSViewPolicy and the argus-readers group.", HelpName = "NAME" };
        var principal = new Option<string?>("--eks-principal-arn") { Description = "For EKS: the IAM role Argus runs as.", HelpName = "ARN" };
        var awsAuth = new Option<bool>("--aws-auth") { Description = "For EKS clusters without access entries: the aws-auth ConfigMap mapping (bound to the view ClusterRole) instead." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout.", HelpName = "FILE" };
        var command = new Command("k8s", """
            Print the Kubernetes RBAC manifests for Argus: read everything but Secrets, run scan jobs in one namespace.

            A ServiceAccount, a ClusterRole with get/list/watch on each resource Argus collects, named one by one
            (RBAC has no "everything but Secrets", so Secrets and ConfigMaps are simply not listed), its binding,
            and a namespace for Argus's scan jobs with a Role limited to batch jobs there. For EKS, the access entry
            (AmazonEKSViewPolicy) or aws-auth mapping for Argus's IAM role. Apply with 'kubectl apply -f'.

            Examples:
              argus onboarding k8s | kubectl apply -f -
              argus onboarding k8s --eks-cluster prod --eks-principal-arn arn:aws:iam::111122223333:role/ArgusReadOnly
              argus onboarding k8s --eks-cluster prod --eks-principal-arn arn:aws:iam::111122223333:role/ArgusReadOnly --aws-auth -o argus-rbac.yaml
            """)
        {
            ns, account, scans, eks, principal, awsAuth, output,
        };
        command.SetAction(context, (parse, _) =>
        {
            string text;
            try
            {
                text = KubernetesOnboarding.Manifests(new OnboardingOptions(parse.GetValue(ns)!, parse.GetValue(account)!, parse.GetValue(scans)!,
                    parse.GetValue(eks), parse.GetValue(principal), parse.GetValue(awsAuth)));
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file, text);
                context.Error.WriteLine($"wrote {file}");
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
