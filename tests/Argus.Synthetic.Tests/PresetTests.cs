using Argus.Core.Model;

namespace Argus.Synthetic.Tests;

public sealed class PresetTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("DEMO")]
    [InlineData("Medium")]
    [InlineData("large")]
    [InlineData("xlarge")]
    public void Presets_are_found_by_name_in_any_case(string name)
    {
        var preset = SyntheticPresets.Find(name);

        Assert.NotNull(preset);
        Assert.Equal(name.ToLowerInvariant(), preset.Name);
        Assert.Contains(preset, SyntheticPresets.All);
    }

    [Fact]
    public void An_unknown_preset_is_not_found()
    {
        Assert.Null(SyntheticPresets.Find("huge"));
    }

    [Fact]
    public void Presets_have_the_documented_sizes()
    {
        var demo = SyntheticPresets.Find("demo")!;
        var large = SyntheticPresets.Find("large")!;

        Assert.Equal((5, 2), (demo.Accounts, demo.Regions));
        Assert.Equal((20, 3, 10_000), (SyntheticPresets.Find("medium")!.Accounts, SyntheticPresets.Find("medium")!.Regions, SyntheticPresets.Find("medium")!.NetworkInterfaces));
        Assert.Equal((100, 4, 100_000), (large.Accounts, large.Regions, large.NetworkInterfaces));
        Assert.Equal(SyntheticPresets.All.Count, SyntheticPresets.All.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void The_header_names_the_preset_and_seed_and_covers_every_account_region_and_global()
    {
        var source = SyntheticEnvironment.Generate(SyntheticPresets.Find("demo")!, 42);

        Assert.Equal("snap-synthetic-demo-42", source.Header.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), source.Header.StartedAt);
        Assert.True(source.Header.FinishedAt > source.Header.StartedAt);
        Assert.Equal("synthetic demo (seed 42)", source.Header.Label);
        Assert.Equal("synthetic:demo:42", source.Description);
        var scopes = source.Header.Scopes!;
        Assert.Equal(5 * 3, scopes.Count);
        Assert.Equal(5, scopes.Count(s => s.Region == Regions.Global));
        Assert.Equal(5, scopes.Count(s => s.Region == "eu-west-1"));
        Assert.Equal(5, scopes.Count(s => s.Region == "us-east-1"));
        Assert.All(scopes, s => Assert.Equal(Provider.Aws, s.Provider));
    }

    [Fact]
    public void Documents_stay_inside_the_header_scopes()
    {
        var organization = GeneratedOrganization.Of("demo");
        var scopes = organization.Source.Header.Scopes!.Select(s => (s.Account, s.Region)).ToHashSet();

        Assert.All(organization.Documents, d => Assert.Contains((d.Account, d.Region), scopes));
        Assert.Equal(scopes.Count, organization.Documents.Select(d => (d.Account, d.Region)).Distinct().Count());
    }

    [Theory]
    [InlineData(4, 2, 2, 140, "at least 5 accounts")]
    [InlineData(5, 0, 2, 140, "regions must be between 1 and")]
    [InlineData(5, 2, 4, 140, "availability zones must be 2 or 3")]
    [InlineData(5, 2, 2, 20, "network interfaces cannot hold")]
    public void An_impossible_preset_is_refused_with_the_reason(int accounts, int regions, int zones, int interfaces, string reason)
    {
        var preset = new SyntheticPreset("custom", "test", accounts, regions, zones, interfaces, 0, 0);

        var error = Assert.Throws<ArgumentException>(() => SyntheticEnvironment.Generate(preset, 1));

        Assert.Contains("preset 'custom'", error.Message);
        Assert.Contains(reason, error.Message);
    }
}
