namespace Mimo.Silo.Tests.Postgres;

/// <summary>The statement keys each Orleans ADO.NET provider (10.4.2) reads from <c>orleansquery</c>.</summary>
internal static class ProviderQueryKeys
{
    public static readonly string[] Clustering =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
    ];

    public static readonly string[] Persistence =
    [
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
    ];

    public static readonly string[] Reminders =
    [
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    public static IEnumerable<string> All => Clustering.Concat(Persistence).Concat(Reminders);
}
