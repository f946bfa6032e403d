using Xunit.Abstractions;
using Xunit.Sdk;

namespace Argus.Storage.Tests.Support;

/// <summary>Finds <see cref="StoreFactAttribute"/> tests, skipping them with a reason when the concrete class's environment is missing.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        if (requirement is not null)
        {
            var arguments = requirement.GetConstructorArguments().Cast<string>().ToList();
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(arguments[0])))
            {
                return [new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod, arguments[1])];
            }
        }

        return [new XunitTestCase(diagnostics, display, displayOptions, testMethod)];
    }
}
