// The stand-ins each listen on a loopback port and the crash tests run many scans back to back; one at a time
// keeps ports from being reused under a listener that is still closing.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
