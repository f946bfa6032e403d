using Xunit.Sdk;

namespace Argus.Storage.Tests.Support;

/// <summary>
/// A fact of the shared store contract. Declared once on the abstract contract class and run for each backend's
/// subclass; a subclass marked <see cref="RequiresEnvironmentAttribute"/> skips it visibly when its database is absent.
/// </summary>
[XunitTestCaseDiscoverer("Argus.Storage.Tests.Support.StoreFactDiscoverer", "Argus.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}
