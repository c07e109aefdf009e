using Mimo.Grains.Customers;
using Mimo.Grains.Delivery;

namespace Mimo.Grains.Tests.Delivery;

public sealed class MessageIdsTests
{
    [Fact]
    public void SameEmail_SameId_WhateverTheOrderOfItsInvoices()
    {
        var first = MessageIds.For("Tn1", "c1", [new OutboxItem("i1", "wf/a"), new OutboxItem("i2", "wf/b")]);
        var second = MessageIds.For("Tn1", "c1", [new OutboxItem("i2", "wf/b"), new OutboxItem("i1", "wf/a")]);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{32}@tn1\\.mimo$", first);
    }

    [Fact]
    public void DifferentStepCustomerOrTenant_DifferentId()
    {
        var id = MessageIds.For("tn1", "c1", [new OutboxItem("i1", "wf/a")]);

        Assert.NotEqual(id, MessageIds.For("tn1", "c1", [new OutboxItem("i1", "wf/b")]));
        Assert.NotEqual(id, MessageIds.For("tn1", "c2", [new OutboxItem("i1", "wf/a")]));
        Assert.NotEqual(id, MessageIds.For("tn2", "c1", [new OutboxItem("i1", "wf/a")]));
        Assert.NotEqual(id, MessageIds.ForRequest("tn1", "c1", "i1"));
    }
}
