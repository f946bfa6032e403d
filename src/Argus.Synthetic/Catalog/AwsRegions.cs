using Argus.Synthetic.Addressing;

namespace Argus.Synthetic.Catalog;

/// <summary>The regions presets draw from, in the order they are used, and the regions enabled by default.</summary>
internal static class AwsRegions
{
    public static IReadOnlyList<AwsRegion> Used { get; } =
    [
        new("eu-west-1", "euw1", 3, "2a05:d018", Ipv4Block.Parse("34.240.0.0/13"), ["52.218.0.0/17", "52.92.0.0/17", "3.5.64.0/21", "3.5.72.0/23"], ["52.94.24.0/23", "52.94.26.0/23", "52.119.240.0/21"], "Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F"),
        new("us-east-1", "use1", 6, "2600:1f18", Ipv4Block.Parse("44.192.0.0/11"), ["52.216.0.0/15", "54.231.0.0/16", "3.5.0.0/19", "18.34.0.0/19"], ["52.94.0.0/22", "52.119.224.0/20", "3.218.180.0/22"], "Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI"),
        new("eu-central-1", "euc1", 3, "2a05:d014", Ipv4Block.Parse("3.64.0.0/12"), ["52.219.140.0/24", "3.5.134.0/23", "3.5.136.0/22", "52.219.168.0/24"], ["52.94.6.0/24", "52.94.17.0/24", "52.119.188.0/22"], "Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90"),
        new("us-west-2", "usw2", 4, "2600:1f14", Ipv4Block.Parse("44.224.0.0/11"), ["52.218.128.0/17", "52.92.128.0/17", "3.5.76.0/22", "3.5.80.0/21"], ["52.94.10.0/24", "52.119.160.0/20", "35.71.64.0/22"], "Z1H1FL5HABSF5", "Z18D5FSROUN65G"),
        new("ap-southeast-1", "apse1", 3, "2406:da18", Ipv4Block.Parse("13.212.0.0/14"), ["52.219.128.0/22", "3.5.146.0/23", "3.5.148.0/22", "52.219.132.0/22"], ["52.94.13.0/24", "52.119.205.0/24", "3.2.32.0/24"], "Z1LMS91P8CMLE5", "ZKVM4W9LS7TM"),
        new("us-east-2", "use2", 3, "2600:1f16", Ipv4Block.Parse("3.128.0.0/12"), ["52.219.80.0/20", "3.5.128.0/22", "3.5.132.0/23", "52.92.76.0/22"], ["52.94.4.0/24", "52.119.232.0/21", "3.2.80.0/24"], "Z3AADJGX6KTTL2", "ZLMOA37VPKANP"),
    ];

    /// <summary>What <c>ec2 describe-regions</c> lists in an account that opted into nothing.</summary>
    public static IReadOnlyList<string> EnabledByDefault { get; } =
    [
        "ap-south-1", "eu-north-1", "eu-west-3", "eu-west-2", "eu-west-1", "ap-northeast-3", "ap-northeast-2",
        "ap-northeast-1", "ca-central-1", "sa-east-1", "ap-southeast-1", "ap-southeast-2", "eu-central-1",
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ];
}
