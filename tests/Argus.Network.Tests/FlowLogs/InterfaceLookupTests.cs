using System.Text;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.Tests.FlowLogs;

public sealed class InterfaceLookupTests
{
    [Fact]
    public void A_record_s_interface_id_bytes_find_the_same_interface_as_its_text()
    {
        var model = Fixtures.NatGateway();
        IRuleUsageModel narrow = model;

        foreach (var i in model.Interfaces)
        {
            var bytes = Encoding.ASCII.GetBytes(i.Id);
            Assert.Same(i, model.FindInterface(bytes));
            Assert.Same(i, narrow.FindInterface(bytes));
            Assert.Same(i, model.FindInterface(i.Id.AsSpan()));
        }

        Assert.Null(model.FindInterface("eni-00000000000000000"u8));
        Assert.Null(model.FindInterface("eni-068fb5a0a9a57f23"u8));           // a known id's prefix
        Assert.Null(model.FindInterface("eni-068fb5a0a9a57f23c-and-a-long-tail"u8));
        Assert.Null(model.FindInterface("eni-\u00e9"u8));
        Assert.Null(model.FindInterface(""u8));
    }
}
