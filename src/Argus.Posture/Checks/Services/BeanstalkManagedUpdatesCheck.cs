using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>Elastic Beanstalk environments apply managed platform updates.</summary>
public sealed class BeanstalkManagedUpdatesCheck : RegionalListCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.elasticbeanstalk.managed-updates", "Elastic Beanstalk environments apply managed platform updates", Severity.Medium, "elasticbeanstalk", "aws.elasticbeanstalk.environment",
        "Managed platform updates install platform patch and minor versions (OS, runtime, web server) in a weekly window.",
        "Environments stay on platform versions with known vulnerabilities.",
        new("aws elasticbeanstalk update-environment --environment-name ENV --option-settings Namespace=aws:elasticbeanstalk:managedactions,OptionName=ManagedActionsEnabled,Value=true Namespace=aws:elasticbeanstalk:managedactions:platformupdate,OptionName=UpdateLevel,Value=minor",
            "# Add OptionSettings aws:elasticbeanstalk:managedactions ManagedActionsEnabled true (and PreferredStartTime, UpdateLevel) to AWS::ElasticBeanstalk::Environment.",
            "# Add setting blocks for aws:elasticbeanstalk:managedactions ManagedActionsEnabled = true to aws_elastic_beanstalk_environment."),
        ["https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html"],
        [AwsOperations.DescribeEnvironments, AwsOperations.DescribeConfigurationSettings], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.DescribeEnvironments;

    protected override CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement env)
    {
        if (env.GetString("Status") is "Terminated" or "Terminating")
        {
            return null;
        }

        var name = env.GetString("EnvironmentName") ?? "";
        var arn = env.GetString("EnvironmentArn") ?? name;
        var settings = context.Get(account, region, AwsOperations.DescribeConfigurationSettings, name);
        if (settings.Missing)
        {
            return Missing(settings, arn, account, region);
        }

        var enabled = PostureContext.Items(settings).SelectMany(c => c.GetArray("OptionSettings"))
            .Any(o => o.GetString("Namespace") == "aws:elasticbeanstalk:managedactions" && o.GetString("OptionName") == "ManagedActionsEnabled" && string.Equals(o.GetString("Value"), "true", StringComparison.OrdinalIgnoreCase));
        return Verdict(enabled, arn, account, region, $"{name} applies managed platform updates.", $"{name} does not apply managed platform updates.", new { EnvironmentName = name, ManagedActionsEnabled = enabled });
    }
}
