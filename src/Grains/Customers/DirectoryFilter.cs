using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>The meaning of a directory filter, shared by every directory implementation.</summary>
public static class DirectoryFilter
{
    public static bool Matches(CustomerSummary customer, DirectoryQuery query) =>
        (query.Band is null || customer.PayScore.Band == query.Band)
        && (query.Mode is null || (customer.ReminderMode ?? query.DefaultMode) == query.Mode)
        && (query.Tag is null || customer.Tags.Contains(query.Tag, StringComparer.Ordinal));
}
