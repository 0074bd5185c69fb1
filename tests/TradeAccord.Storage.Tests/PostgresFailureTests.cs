using Npgsql;
using TradeAccord.Core.Errors;
using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// What PostgreSQL errors mean, by SQLSTATE and constraint name. Under contention the server mostly reports a
/// serialisation failure; a unique violation naming the key comes when the other writer committed before this
/// transaction's snapshot, a moment too narrow to stage against a live server, so it is classified here directly.
/// </summary>
public class PostgresFailureTests
{
    private static readonly PostgresDialect Dialect = new("Host=127.0.0.1;Port=1;Username=accord;Database=classify");

    [Fact]
    public void A_unique_violation_is_a_conflict_on_the_key_it_names()
    {
        var failure = Dialect.Classify(Error(PostgresErrorCodes.UniqueViolation, constraint: TradeSchema.VintageKey));

        (failure.Kind, failure.IsTransient, failure.IsKeyClash, failure.Constraint).ShouldBe((ErrorKind.Conflict, false, true, "vintages_pkey"));
        failure.IsConflictOn(TradeSchema.VintageKey).ShouldBeTrue();
        failure.IsConflictOn(Storage.Cases.CaseSchema.CaseKey, Storage.Cases.CaseSchema.EventKey).ShouldBeFalse("another table's key is not this one");
    }

    [Fact]
    public void A_transaction_that_lost_to_a_concurrent_one_is_a_transient_conflict_on_any_key()
    {
        foreach (var state in new[] { PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected })
        {
            var failure = Dialect.Classify(Error(state));
            (failure.Kind, failure.IsTransient, failure.IsKeyClash).ShouldBe((ErrorKind.Conflict, true, false));
            failure.IsConflictOn(Storage.Cases.CaseSchema.EventKey).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData(PostgresErrorCodes.NumericValueOutOfRange, ErrorKind.BadInput, false)]
    [InlineData(PostgresErrorCodes.StringDataRightTruncation, ErrorKind.BadInput, false)]
    [InlineData(PostgresErrorCodes.TooManyConnections, ErrorKind.Unavailable, true)]
    [InlineData(PostgresErrorCodes.AdminShutdown, ErrorKind.Unavailable, true)]
    [InlineData(PostgresErrorCodes.InvalidCatalogName, ErrorKind.Unavailable, false)]
    [InlineData(PostgresErrorCodes.UndefinedTable, ErrorKind.Unavailable, false)]
    [InlineData(PostgresErrorCodes.NotNullViolation, ErrorKind.Unavailable, false)]
    public void Other_errors_are_bad_input_or_unavailable(string state, ErrorKind kind, bool transient)
    {
        var failure = Dialect.Classify(Error(state));
        (failure.Kind, failure.IsTransient, failure.IsKeyClash).ShouldBe((kind, transient, false));
        failure.ToException("context", Error(state)).Message.ShouldBe("context: the server said no");
    }

    private static PostgresException Error(string state, string? constraint = null) =>
        new("the server said no", "ERROR", "ERROR", state, constraintName: constraint);
}
