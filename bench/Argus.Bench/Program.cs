using Argus.Bench;
using BenchmarkDotNet.Running;

// `import` runs the end-to-end import benchmark on a synthetic preset (what the README's performance table
// reports); anything else goes to BenchmarkDotNet's micro-benchmarks.
if (args.Length > 0 && args[0] == "import")
{
    return ImportBenchmark.Run(args[1..]);
}

// `collect` collects a synthetic preset from a local fake AWS with rate limits and latency.
if (args.Length > 0 && args[0] == "collect")
{
    return CollectBenchmark.Run(args[1..]);
}

// `collect-parse` times reading every rendered answer of a preset and signing requests, without the network.
if (args.Length > 0 && args[0] == "collect-parse")
{
    return CollectParseBenchmark.Run(args[1..]);
}

// `collect-fake` is the fake AWS that `collect` starts in a process of its own.
if (args.Length > 0 && args[0] == "collect-fake")
{
    return Argus.Bench.FakeAws.FakeAwsHost.Run(args[1..]);
}

// `vuln` inventories and matches a Debian root filesystem and a ~1 GB image built from it.
if (args.Length > 0 && args[0] == "vuln")
{
    return VulnerabilityBenchmark.Run(args[1..]);
}

// `network` measures the network engine: model build, full exposure, query latency.
if (args.Length > 0 && args[0] == "network")
{
    return NetworkBenchmark.Run(args[1..]);
}

// `posture` runs every posture check over a synthetic preset held in memory.
if (args.Length > 0 && args[0] == "posture")
{
    return PostureBenchmark.Run(args[1..]);
}

// `k8s` collects and checks a generated cluster (default 50,000 pods) through the local Kubernetes API stand-in.
if (args.Length > 0 && args[0] == "k8s")
{
    return KubernetesBenchmark.Run(args[1..]);
}

// `flowlogs` measures flow-log reading, parsing and attribution in records per second per core.
if (args.Length > 0 && args[0] == "flowlogs")
{
    return FlowLogBenchmark.Run(args[1..]);
}

// `vm-direct` scans an ext4 image of the Debian root through the EBS direct APIs of a local stand-in.
if (args.Length > 0 && args[0] == "vm-direct")
{
    return VmDirectBenchmark.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmark).Assembly).Run(args);
return 0;
