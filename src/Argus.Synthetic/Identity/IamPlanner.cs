using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Determinism;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Regional;
using Argus.Synthetic.Storage;

namespace Argus.Synthetic.Identity;

/// <summary>
/// Each account's IAM: single sign-on roles, the cross-account roles, one role and instance profile per fleet,
/// a few users (most accounts' humans sign in through SSO), and the planted identity mistakes.
/// </summary>
internal static class IamPlanner
{
    /// <summary>Names of the planted users, as docs/demo-environment.md lists them.</summary>
    public const string DirectAdminUser = "deploy-bot";
    public const string StaleKeyUser = "ci-legacy";
    public const string StaleUser = "contractor-jsmith";

    /// <summary>The role Argus assumes; GetCallerIdentity answers with it.</summary>
    public const string ScannerRole = "ArgusReadOnly";

    private static readonly string[] People =
    [
        "alice.martin", "bob.nguyen", "carla.silva", "deepak.rao", "emma.schmidt", "farid.haddad", "grace.okafor",
        "hiro.tanaka", "ines.moreau", "jonas.berg", "kemal.yilmaz", "lena.kowalski",
    ];

    public static IamAccount For(OrgPlan org, AccountPlan account)
    {
        var ids = org.Ids(account, Regions.Global);
        var random = org.Random(account, Regions.Global, "iam");
        var now = org.Now;
        var home = org.Regions[0].Name;
        var since = account.Joined;

        string Arn(string kind, string path, string name) => $"arn:aws:iam::{account.Id}:{kind}{path}{name}";
        IamPolicy Customer(string name, string document)
        {
            var created = random.DaysBefore(now, 100, 900);
            return new IamPolicy(name, ids.Iam("ANPA", name), Arn("policy", "/", name), "/", false, document, "v" + (1 + random.Next(4)), created, created.AddDays(random.Next(90)));
        }

        // Policies the account defines.
        var scanner = Customer("ArgusReadOnlyAccess", ScannerPolicy());
        var customer = new List<IamPolicy> { scanner };
        IamPolicy? appAccess = null;
        if (account.Role == AccountRole.Workload)
        {
            appAccess = Customer($"{account.Prefix}-app-access", AppAccessPolicy(org, account, home));
            customer.Add(appAccess);
        }

        IamPolicy? billing = null;
        if (account.Role == AccountRole.Management)
        {
            billing = Customer("billing-read", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["aws-portal:View*","ce:Get*","ce:Describe*","budgets:View*","cur:Describe*"],"Resource":"*"}]}""");
            customer.Add(billing);
        }

        // Groups.
        var groups = new List<IamGroup>
        {
            Group(ids, account, "Admins", since.AddDays(1), [AwsManagedPolicies.AdministratorAccess]),
            Group(ids, account, "Developers", since.AddDays(1), [AwsManagedPolicies.PowerUserAccess, AwsManagedPolicies.IamUserChangePassword]),
            Group(ids, account, "Automation", since.AddDays(2), [AwsManagedPolicies.PowerUserAccess]),
        };
        if (billing is not null)
        {
            groups.Add(Group(ids, account, "Billing", since.AddDays(2), [billing]));
        }

        // Users: a human administrator in platform accounts, automation users, and the planted ones.
        var users = new List<IamUser>();
        IamAccessKey Key(string user, int slot, DateTimeOffset created, DateTimeOffset? used, bool active = true) =>
            new(ids.Iam("AKIA", $"{user}/{slot}", 20), active, created, used, used is null ? null : home, used is null ? null : "s3");
        IamUser User(string name, DateTimeOffset created, bool console, bool mfa, string[] memberOf, IamPolicy[] attached, IamAccessKey[] keys, DateTimeOffset? passwordUsed = null) =>
            new(name, ids.Iam("AIDA", name), Arn("user", "/", name), created, console ? created.AddMinutes(5) : null,
                console ? passwordUsed ?? random.DaysBefore(now, 0, 20) : null, mfa, memberOf, attached, keys, [new Tag("managed-by", "terraform")]);

        switch (account.Role)
        {
            case AccountRole.Management:
                users.Add(User("ops-admin", since.AddDays(1), true, true, ["Admins"], [], []));
                users.Add(User("finance-viewer", since.AddDays(40), true, true, ["Billing"], [], []));
                break;
            case AccountRole.Security:
                users.Add(User("incident-responder", since.AddDays(5), true, true, ["Admins"], [], []));
                break;
        }

        var automationKeyCreated = random.DaysBefore(now, 20, 80);
        users.Add(User($"svc-{account.Prefix}-deploy", since.AddDays(3), false, false, ["Automation"], [],
            [Key($"svc-{account.Prefix}-deploy", 1, automationKeyCreated, random.DaysBefore(now, 0, 2))]));
        for (var k = 0; k < org.Preset.UsersPerAccount; k++)
        {
            var person = People[(account.Index * Math.Max(1, org.Preset.UsersPerAccount) + k) % People.Length];
            var mfa = !(org.Preset.Accounts > 5 && random.Chance(0.1));
            users.Add(User(person, random.DaysBefore(now, 200, 1200), true, mfa, ["Developers"], [], []));
        }

        if (account == org.FirstProduction)
        {
            var created = now.AddDays(-210).AddMinutes(-613);
            users.Add(User(DirectAdminUser, created, false, false, [], [AwsManagedPolicies.AdministratorAccess], [Key(DirectAdminUser, 1, now.AddDays(-85).AddMinutes(-371), now.AddHours(-30).AddMinutes(-17))]));
        }

        if (account == org.FirstDevelopment)
        {
            users.Add(User(StaleKeyUser, new DateTimeOffset(2023, 9, 4, 14, 2, 11, TimeSpan.Zero), false, false, ["Automation"], [],
                [Key(StaleKeyUser, 1, new DateTimeOffset(2024, 3, 11, 8, 47, 33, TimeSpan.Zero), new DateTimeOffset(2024, 5, 2, 17, 20, 0, TimeSpan.Zero))]));
            users.Add(User(StaleUser, new DateTimeOffset(2023, 6, 1, 9, 30, 0, TimeSpan.Zero), true, false, ["Developers"], [], [],
                passwordUsed: new DateTimeOffset(2024, 1, 15, 16, 45, 12, TimeSpan.Zero)));
        }

        users.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        // Roles.
        var roles = new List<IamRole>();
        IamRole Role(string name, string path, string trust, string description, IamPolicy[] attached, bool profile = false, DateTimeOffset? lastUsed = null)
        {
            var created = random.DaysBefore(now, 100, 1000);
            return new IamRole(
                name, ids.Iam("AROA", name), Arn("role", path, name), path, created, trust, description, attached,
                profile ? new IamInstanceProfile(name, ids.Iam("AIPA", name), Arn("instance-profile", "/", name), created) : null,
                lastUsed, lastUsed is null ? null : home, [new Tag("managed-by", "terraform")]);
        }

        var ssoProvider = $"AWSSSO_{ids.Hex("sso-provider", 0, 16)}_DO_NOT_DELETE";
        roles.Add(Role($"AWSReservedSSO_AdministratorAccess_{ids.Hex("sso-admin", 0, 16)}", "/aws-reserved/sso.amazonaws.com/", SsoTrust(account, ssoProvider), "", [AwsManagedPolicies.AdministratorAccess], lastUsed: random.DaysBefore(now, 0, 10)));
        roles.Add(Role($"AWSReservedSSO_PowerUserAccess_{ids.Hex("sso-power", 0, 16)}", "/aws-reserved/sso.amazonaws.com/", SsoTrust(account, ssoProvider), "", [AwsManagedPolicies.PowerUserAccess], lastUsed: random.DaysBefore(now, 0, 3)));
        roles.Add(Role(ScannerRole, "/", ScannerTrust(org), "Read-only access for Argus", [scanner], lastUsed: now.AddMinutes(-5)));
        if (account.Role != AccountRole.Management)
        {
            roles.Add(Role("OrganizationAccountAccessRole", "/", AccountTrust(org.Management.Id), "", [AwsManagedPolicies.AdministratorAccess], lastUsed: random.DaysBefore(now, 30, 300)));
        }

        foreach (var fleet in Fleet.For(account))
        {
            IamPolicy[] attached = appAccess is null || fleet.Role == "db"
                ? [AwsManagedPolicies.SsmManagedInstanceCore]
                : [AwsManagedPolicies.SsmManagedInstanceCore, appAccess];
            roles.Add(Role(fleet.Profile, "/", Ec2Trust, $"{fleet.Name} instances", attached, profile: true, lastUsed: now.AddMinutes(-random.Next(5, 600))));
        }

        roles.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new IamAccount(
            account,
            users,
            groups,
            roles,
            customer,
            RootMfa: account != org.FirstDevelopment,
            RootPasswordLastUsed: account.Role == AccountRole.Management ? random.DaysBefore(now, 20, 60) : null,
            HasPasswordPolicy: account != org.FirstDevelopment,
            Providers: 1);
    }

    private static IamGroup Group(IdFactory ids, AccountPlan account, string name, DateTimeOffset created, IamPolicy[] attached) =>
        new(name, ids.Iam("AGPA", name), $"arn:aws:iam::{account.Id}:group/{name}", created, attached);

    private const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static string AccountTrust(string accountId) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:root"},"Action":"sts:AssumeRole"}]}""";

    private static string ScannerTrust(OrgPlan org) =>
        PolicyText.Fill("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%0%:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"argus-%1%"}}}]}""", org.Security.Id, org.OrganizationId);

    private static string SsoTrust(AccountPlan account, string provider) =>
        PolicyText.Fill("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::%0%:saml-provider/%1%"},"Action":["sts:AssumeRoleWithSAML","sts:TagSession"],"Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}""", account.Id, provider);

    /// <summary>Exactly the actions of the operation catalog: the scanner role grants nothing else.</summary>
    private static string ScannerPolicy()
    {
        var actions = string.Join(',', AwsOperations.All.Select(o => o.IamAction).Distinct().Order(StringComparer.Ordinal).Select(a => $"\"{a}\""));
        return $$"""{"Version":"2012-10-17","Statement":[{"Sid":"ArgusReadOnly","Effect":"Allow","Action":[{{actions}}],"Resource":"*"}]}""";
    }

    private static string AppAccessPolicy(OrgPlan org, AccountPlan account, string region)
    {
        var bucket = BucketPlanner.AppData(org, account);
        var key = $"arn:aws:kms:{region}:{account.Id}:key/{org.Ids(account, region).Uuid("kms-data", 0)}";
        return $$"""{"Version":"2012-10-17","Statement":[{"Sid":"AppData","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::{{bucket}}/*"},{"Sid":"AppDataList","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::{{bucket}}"},{"Sid":"AppDataKey","Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],"Resource":"{{key}}"}]}""";
    }
}
