using Mimo.Grains.Activity;
using Mimo.Grains.Customers;
using Mimo.Silo.Postgres;
using Mimo.Testing.Postgres;

namespace Mimo.Silo.Tests.ReadModels;

public sealed class InMemoryCustomerDirectoryTests : CustomerDirectoryContract
{
    protected override Task<ICustomerDirectory> DirectoryAsync() =>
        Task.FromResult<ICustomerDirectory>(new InMemoryCustomerDirectory());
}

public sealed class PostgresCustomerDirectoryTests(MigratedDatabase database)
    : CustomerDirectoryContract, IClassFixture<MigratedDatabase>
{
    protected override async Task<ICustomerDirectory> DirectoryAsync() =>
        new PostgresCustomerDirectory((await database.GetAsync()).DataSource);
}

public sealed class InMemoryInvoiceArchiveTests : InvoiceArchiveContract
{
    protected override Task<IInvoiceArchive> ArchiveAsync() =>
        Task.FromResult<IInvoiceArchive>(new InMemoryInvoiceArchive());
}

public sealed class PostgresInvoiceArchiveTests(MigratedDatabase database)
    : InvoiceArchiveContract, IClassFixture<MigratedDatabase>
{
    protected override async Task<IInvoiceArchive> ArchiveAsync() =>
        new PostgresInvoiceArchive((await database.GetAsync()).DataSource);
}

public sealed class InMemoryActivityLogTests : ActivityLogContract
{
    protected override Task<IActivityLog> LogAsync() =>
        Task.FromResult<IActivityLog>(new InMemoryActivityLog());
}

public sealed class PostgresActivityLogTests(MigratedDatabase database)
    : ActivityLogContract, IClassFixture<MigratedDatabase>
{
    protected override async Task<IActivityLog> LogAsync() =>
        new PostgresActivityLog((await database.GetAsync()).DataSource);
}

/// <summary>One migrated database for a test class; tests keep apart by using fresh tenant ids.</summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly Lazy<Task<TestDatabase>> _database = new(() => TestDatabase.CreateAsync());

    public Task<TestDatabase> GetAsync() => _database.Value;

    public async ValueTask DisposeAsync()
    {
        if (_database.IsValueCreated)
        {
            await (await _database.Value).DisposeAsync();
        }
    }
}
