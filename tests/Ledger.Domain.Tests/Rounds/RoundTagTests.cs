using Ledger.Domain.Items;
using Ledger.Domain.Rounds;

namespace Ledger.Domain.Tests.Rounds;

public sealed class RoundTagTests
{
    [Theory]
    [InlineData("市委第三巡察组", "2024-03-07", "2024年三巡")]
    [InlineData("市委提级巡察第四组", "2023-11-10", "2023年四巡")]
    [InlineData("县委第十二巡察组", null, "十二巡")]
    [InlineData("（待填写巡察组）", null, "（待填写巡察组）")]
    [InlineData("市委巡视整改督查专项工作组", "2025-02-01", "2025年巡视整改督查专项")]
    public void A_rounds_default_short_name_is_the_year_it_began_and_the_teams_ordinal(string team, string? start, string expected) =>
        Assert.Equal(expected, RoundTag.DefaultShortName(team, start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), null));

    [Fact]
    public void An_items_tag_names_its_round_and_its_number_as_the_ledger_writes_it()
    {
        Assert.Equal("2024年三巡·第11项", RoundTag.Of("2024年三巡", ItemKind.Feedback, 11));
        Assert.Equal("2024年三巡·立行立改第2项", RoundTag.Of("2024年三巡", ItemKind.ImmediateFix, 2));
        Assert.Equal("2024年三巡·信访件第3项", RoundTag.Of("2024年三巡", ItemKind.Petition, 3));
    }

    [Fact]
    public void A_short_name_the_office_gives_replaces_the_default_and_blank_restores_it()
    {
        var stamp = new Common.ChangeStamp("整改办", DateTime.UtcNow);
        var round = InspectionRound.Create(new RoundDetails("市委第三巡察组", "某区人民检察院党组", new DateOnly(2024, 3, 7), null, null, null, " 区院三巡 "), stamp);
        Assert.Equal("区院三巡", round.TagName);

        round.Update(new RoundDetails("市委第三巡察组", "某区人民检察院党组", new DateOnly(2024, 3, 7), null, null, null, " "), stamp);
        Assert.Equal(("2024年三巡", null), (round.TagName, round.ShortName));
    }
}
