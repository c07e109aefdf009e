namespace Mimo.Api.Import;

/// <summary>One rejected line of an import.</summary>
public sealed record ImportLineError(int Line, string Title, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>The answer to <c>POST /v1/import</c>.</summary>
public sealed record ImportReport(int Accepted, int Rejected, IReadOnlyList<ImportLineError> Errors, bool ErrorsTruncated);

/// <summary>Counts the outcome of each line as workers finish them; keeps the first rejected lines.</summary>
public sealed class ImportTally
{
    /// <summary>At most this many rejected lines are listed; the count covers all of them.</summary>
    public const int MaxListedErrors = 1000;

    private readonly Lock _lock = new();
    private readonly List<ImportLineError> _errors = [];
    private int _accepted;
    private int _rejected;

    public void Accept() => Interlocked.Increment(ref _accepted);

    public void Reject(ImportRejection rejection)
    {
        Interlocked.Increment(ref _rejected);
        lock (_lock)
        {
            _errors.Add(new ImportLineError(rejection.Line, rejection.Title, rejection.Errors));
            if (_errors.Count > 2 * MaxListedErrors)
            {
                KeepFirstErrors();
            }
        }
    }

    public ImportReport ToReport()
    {
        lock (_lock)
        {
            KeepFirstErrors();
            return new ImportReport(_accepted, _rejected, _errors.ToList(), _rejected > _errors.Count);
        }
    }

    private void KeepFirstErrors()
    {
        _errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (_errors.Count > MaxListedErrors)
        {
            _errors.RemoveRange(MaxListedErrors, _errors.Count - MaxListedErrors);
        }
    }
}
