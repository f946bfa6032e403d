namespace Argus.VmScan.Workflow;

/// <summary>A step of one volume's scan failed in a way AWS reported as a state (snapshot error, a wait that never ended); the volume is cleaned up and the scan goes on.</summary>
public sealed class VmScanStepException(string message) : Exception(message);
