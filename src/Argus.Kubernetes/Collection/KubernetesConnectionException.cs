namespace Argus.Kubernetes.Collection;

/// <summary>The cluster cannot be reached or Argus's identity is refused altogether: nothing can be collected.</summary>
public sealed class KubernetesConnectionException(string message, Exception? inner = null) : Exception(message, inner);
