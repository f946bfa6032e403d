namespace Argus.Synthetic.Catalog;

/// <summary>Names of the product teams that own workload accounts in the larger presets.</summary>
internal static class Teams
{
    private static readonly string[] Names =
    [
        "payments", "checkout", "catalog", "search", "orders", "inventory", "shipping", "billing", "identity",
        "notifications", "messaging", "analytics", "reporting", "data-lake", "ml-platform", "recommendations",
        "pricing", "promotions", "reviews", "customer", "loyalty", "partners", "mobile-api", "web-frontend", "media",
        "content", "fraud", "risk", "ledger", "accounts", "onboarding", "support", "marketing", "ads", "geo", "maps",
        "streaming", "telemetry", "scheduler", "workflow",
    ];

    private static readonly string[] BusinessUnits = ["Commerce", "Platform", "Data", "Customer"];

    /// <summary>The <paramref name="index"/>-th team's name; after the list runs out, names repeat with a number.</summary>
    public static string Name(int index) =>
        index < Names.Length ? Names[index] : $"{Names[index % Names.Length]}-{index / Names.Length + 1}";

    public static string BusinessUnit(int index) => BusinessUnits[index % BusinessUnits.Length];
}
