using Npgsql;
using TradeAccord.Core.Errors;
using TradeAccord.Storage.Cases;
using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage.Tests;

/// <summary>Provider failures on opening leave Storage as store exceptions with their kind; one data source per connection string.</summary>
public class StoreErrorTests
{
    // Nothing listens on port 1: the connection is refused at once.
    private const string Refused = "Host=127.0.0.1;Port=1;Username=accord;Database=nowhere;Timeout=5";

    [Fact]
    public async Task A_refused_postgresql_connection_is_unavailable_and_transient_for_both_stores()
    {
        foreach (var error in new[]
                 {
                     Should.Throw<StoreException>(() => TradeStores.Open(Refused)),
                     Should.Throw<StoreException>(() => CaseStores.Open(Refused)),
                     await Should.ThrowAsync<StoreException>(() => TradeStores.OpenAsync(Refused, TestContext.Current.CancellationToken)),
                     await Should.ThrowAsync<StoreException>(() => CaseStores.OpenAsync(Refused, TestContext.Current.CancellationToken)),
                 })
        {
            error.Kind.ShouldBe(ErrorKind.Unavailable);
            error.IsTransient.ShouldBeTrue();
            error.Message.ShouldStartWith("postgresql://127.0.0.1:1/nowhere: cannot be used as a ");
            error.InnerException.ShouldBeAssignableTo<NpgsqlException>();
        }
    }

    [Fact]
    public void A_malformed_connection_string_is_bad_input()
    {
        var error = Should.Throw<StoreException>(() => TradeStores.Open("Host=127.0.0.1;Colour=blue"));
        error.Kind.ShouldBe(ErrorKind.BadInput);
        error.Message.ShouldStartWith("not a PostgreSQL connection string: ");
        // The failed string is not kept: once corrected, it is tried afresh.
        Should.Throw<StoreException>(() => CaseStores.Open("Host=127.0.0.1;Colour=blue")).Kind.ShouldBe(ErrorKind.BadInput);
    }

    [Fact]
    public void One_data_source_serves_every_open_of_a_connection_string_whichever_thread_asks_first()
    {
        var connectionString = $"Host=127.0.0.1;Port=1;Username=accord;Database=shared_{Guid.NewGuid():N}";
        var sources = new NpgsqlDataSource[32];
        Parallel.For(0, sources.Length, i => sources[i] = PostgresDataSources.For(connectionString));

        sources.Distinct().ShouldHaveSingleItem();
        PostgresDataSources.For(connectionString + ";Timeout=3").ShouldNotBeSameAs(sources[0]);
    }
}
