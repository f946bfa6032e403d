using Argus.Core.Model;

namespace Argus.Kubernetes.Checks;

/// <summary>
/// The frameworks Kubernetes checks map to. Requirement names only, never the documents' text: Pod Security
/// Standards control names (kubernetes.io, "Pod Security Standards"), the section titles of the NSA/CISA
/// Kubernetes Hardening Guidance 1.2 (August 2022), and CIS Kubernetes Benchmark 1.9 section 5 item numbers
/// (the items an API reader can evaluate; control-plane file and flag items need node access), numbered as in
/// kube-bench's cfg/cis-1.9/policies.yaml.
/// </summary>
public static class Frameworks
{
    public const string PssBaseline = "pss-baseline";
    public const string PssRestricted = "pss-restricted";
    public const string NsaCisa = "nsa-cisa-k8s-1.2";
    public const string Cis = "cis-kubernetes-1.9";

    public static FrameworkReference Baseline(string control) => new(PssBaseline, control);

    public static FrameworkReference Restricted(string control) => new(PssRestricted, control);

    public static FrameworkReference Nsa(string section) => new(NsaCisa, section);

    public static FrameworkReference CisItem(string item) => new(Cis, item);
}
