namespace Argus.Network.Model;

/// <summary>A load balancer listener: its port and protocol and the target groups its actions forward to.</summary>
public sealed record Listener(string Arn, int Port, string Protocol, IReadOnlyList<string> TargetGroupArns);
