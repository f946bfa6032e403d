namespace Argus.Core.Model;

/// <summary>The relation kinds normalizers emit. Read as "From kind To".</summary>
public static class RelationKinds
{
    /// <summary>Organization contains OU, account contains VPC, VPC contains subnet, listener in load balancer.</summary>
    public const string Contains = "contains";

    /// <summary>Account is a member of an OU; user is a member of a group.</summary>
    public const string MemberOf = "member-of";

    /// <summary>Interface attached to instance, volume attached to instance, gateway attached to VPC, policy attached to role.</summary>
    public const string AttachedTo = "attached-to";

    /// <summary>Route table associated with subnet or gateway; network ACL associated with subnet.</summary>
    public const string AssociatedWith = "associated-with";

    /// <summary>A route table has a route whose target is the related gateway, interface or peering.</summary>
    public const string RoutesTo = "routes-to";

    /// <summary>Security group protects an interface (or a load balancer).</summary>
    public const string ProtectedBy = "protected-by";

    /// <summary>VPC peering connection connects a VPC (both sides).</summary>
    public const string Connects = "connects";

    /// <summary>Listener forwards to a target group; target group targets an instance or address.</summary>
    public const string Targets = "targets";

    /// <summary>Instance uses an instance profile; instance profile uses a role.</summary>
    public const string Uses = "uses";

    /// <summary>A resource lives in a subnet or VPC (interface in subnet, NAT gateway in subnet).</summary>
    public const string In = "in";
}
