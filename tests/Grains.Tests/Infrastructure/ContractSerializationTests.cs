using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Orleans.Serialization;

namespace Mimo.Grains.Tests.Infrastructure;

[Collection(GrainClusterCollection.Name)]
public sealed class ContractSerializationTests(GrainClusterFixture fixture)
{
    [Fact]
    public void Contracts_BuiltWithCollectionExpressions_RoundTrip()
    {
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var details = new CustomerDetails(
            "Acme",
            [new Contact("a@acme.test"), new Contact("b@acme.test", "B")],
            null,
            ["vip", "eu"],
            PaymentMethod.Card);

        var copy = serializer.Deserialize<CustomerDetails>(serializer.SerializeToArray(details));

        Assert.Equal(details.Contacts, copy!.Contacts);
        Assert.Equal(details.Tags, copy.Tags);
    }
}
