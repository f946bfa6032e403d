using Argus.Core.Model;

namespace Argus.Core.Tests.Model;

public sealed class ProviderNamesTests
{
    [Theory]
    [InlineData("aws", Provider.Aws)]
    [InlineData("AZURE", Provider.Azure)]
    [InlineData("k8s", Provider.Kubernetes)]
    [InlineData("kubernetes", Provider.Kubernetes)]
    public void Parses_names_case_insensitively(string name, Provider expected) => Assert.Equal(expected, ProviderNames.Parse(name));

    [Fact]
    public void Names_round_trip() =>
        Assert.All(Enum.GetValues<Provider>(), p => Assert.Equal(p, ProviderNames.Parse(p.ToName())));

    [Fact]
    public void Unknown_provider_is_a_clear_error() =>
        Assert.Contains("gcp", Assert.Throws<FormatException>(() => ProviderNames.Parse("gcp")).Message);

    [Fact]
    public void Snapshot_ids_sort_by_time_and_are_unique()
    {
        var early = Snapshot.NewId(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var late = Snapshot.NewId(new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero));

        Assert.StartsWith("snap-20260102T030405Z-", early);
        Assert.True(string.CompareOrdinal(early, late) < 0);
        Assert.NotEqual(Snapshot.NewId(DateTimeOffset.UnixEpoch), Snapshot.NewId(DateTimeOffset.UnixEpoch));
    }
}
