namespace Mimo.Grains.Interfaces.Customers;

/// <summary>
/// Reads the customer directory read model, wherever the silo keeps it (PostgreSQL or memory),
/// so that API processes in client mode need no database access of their own.
/// </summary>
[Alias("mimo.ICustomerDirectoryGrain")]
public interface ICustomerDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("QueryAsync")]
    Task<DirectoryPage> QueryAsync(string tenantId, DirectoryQuery query);
}
