namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// The workflow tests run many stand-ins back to back, each on a fresh loopback port; one at a time keeps a port
/// from being reused under a listener that is still closing.
/// </summary>
[CollectionDefinition(nameof(StandInCollection), DisableParallelization = true)]
public sealed class StandInCollection;
