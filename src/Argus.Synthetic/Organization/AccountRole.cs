namespace Argus.Synthetic.Organization;

/// <summary>What an account is for in a landing-zone style organization.</summary>
internal enum AccountRole
{
    Management,
    Security,
    LogArchive,
    Network,
    SharedServices,
    Workload,
    Sandbox,
}
