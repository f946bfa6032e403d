using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Posture.Aws;

/// <summary>
/// Reads <c>aws iam get-account-authorization-details</c>: principals with their attached and inline policies, and
/// the default version of each managed policy listed.
/// </summary>
public sealed class AuthorizationDetails
{
    /// <summary>AWS managed policies checks must recognise even when the answer does not list their documents.</summary>
    public const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";

    private readonly Dictionary<string, JsonElement> documents = new(StringComparer.Ordinal);

    public AuthorizationDetails(JsonElement answer)
    {
        var principals = new List<IamPrincipal>();
        Read(answer, "UserDetailList", "user", "UserName", "UserPolicyList", principals);
        Read(answer, "GroupDetailList", "group", "GroupName", "GroupPolicyList", principals);
        Read(answer, "RoleDetailList", "role", "RoleName", "RolePolicyList", principals);
        Principals = principals;
        foreach (var policy in answer.GetArray("Policies"))
        {
            var arn = policy.GetString("Arn");
            var version = policy.GetString("DefaultVersionId");
            var document = policy.GetArray("PolicyVersionList")
                .FirstOrDefault(v => v.GetBool("IsDefaultVersion") == true || (version is not null && v.GetString("VersionId") == version));
            if (arn is not null && document.ValueKind == JsonValueKind.Object && document.TryGetProperty("Document", out var doc))
            {
                documents[arn] = doc;
            }
        }
    }

    public IReadOnlyList<IamPrincipal> Principals { get; }

    /// <summary>The default version's document of a managed policy, when the answer lists it.</summary>
    public JsonElement? PolicyDocument(string arn) => documents.TryGetValue(arn, out var d) ? d : null;

    /// <summary>Names of the policies (managed ARNs or inline names) giving <paramref name="principal"/> full administrator rights.</summary>
    public IReadOnlyList<string> FullAdminPolicies(IamPrincipal principal)
    {
        var found = new List<string>();
        foreach (var arn in principal.AttachedPolicyArns)
        {
            if (arn == AdministratorAccess || (PolicyDocument(arn) is { } doc && Aws.PolicyDocument.Statements(doc).Any(Aws.PolicyDocument.GrantsFullAdmin)))
            {
                found.Add(arn);
            }
        }

        found.AddRange(principal.InlinePolicies.Where(p => Aws.PolicyDocument.Statements(p.Document).Any(Aws.PolicyDocument.GrantsFullAdmin)).Select(p => $"inline:{p.Name}"));
        return found;
    }

    private static void Read(JsonElement answer, string list, string kind, string nameKey, string inlineKey, List<IamPrincipal> into)
    {
        foreach (var item in answer.GetArray(list))
        {
            var attached = item.GetArray("AttachedManagedPolicies").Select(p => p.GetString("PolicyArn")).OfType<string>().ToList();
            var inline = item.GetArray(inlineKey)
                .Where(p => p.TryGetProperty("PolicyDocument", out _))
                .Select(p => (p.GetString("PolicyName") ?? "", p.GetProperty("PolicyDocument")))
                .ToList();
            into.Add(new IamPrincipal(kind, item.GetString(nameKey) ?? "", item.GetString("Arn") ?? "", item.GetString("Path") ?? "/", attached, inline, item));
        }
    }
}
