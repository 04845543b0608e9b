"""A finding in words, in the three languages, for an area above, one similar and one below."""

from __future__ import annotations

import pytest

from atlasviewer.core.findings import FindingFacts, about, finding, ordinal, rank_phrase
from atlasviewer.core.stats.excess import excess_events
from atlasviewer.core.stats.rank import RankRange
from atlasviewer.core.stats.trend import trend

YEARS = [2018, 2019, 2020, 2021, 2022]
NBSP = "\u00a0"


def above() -> FindingFacts:
    # 118 against 100 is 18 % above. Østfold's counts give the excess: expected 252,499.4 x
    # 77.6161 / 10,000 = 1,959.80 a year; Garwood's interval of 13,047 events over five years is
    # 12,824.07 to 13,272.83, a year 2,564.81 to 2,654.57: 605.0 to 694.8 more, about 650.
    return FindingFacts(
        area="Førde",
        value=118.0,
        national=100.0,
        significance="higher",
        rank=RankRange("forde", 2, 1, 4, 21, ""),
        trend=trend(YEARS, [10.0, 12.0, 11.0, 15.0, 14.0]),  # slope interval -0.21 to 2.41
        excess=excess_events(2609.4, 252499.4, 77.6161480712, per=10000.0, years=5),
    )


def similar() -> FindingFacts:
    # 102 against 100; rising 10 -> 14 is +40 % with a slope interval of 0.91 to 1.07.
    return FindingFacts(
        area="Bergen",
        value=102.0,
        national=100.0,
        significance="similar",
        rank=RankRange("bergen", 9, 5, 14, 21, ""),
        trend=trend(YEARS, [10.0, 11.0, 12.1, 12.9, 14.0]),
    )


def below() -> FindingFacts:
    # 77 against 100 is 23 % below; 14 -> 10 is -4/14 = -28.6 %. 10 events a year where 20 are
    # expected: Garwood's 4.795 to 18.390 gives 1.6 to 15.2 fewer, about 10.
    return FindingFacts(
        area="Diakonhjemmet",
        value=77.0,
        national=100.0,
        significance="lower",
        rank=RankRange("diakonhjemmet", 21, 19, 21, 21, ""),
        trend=trend(YEARS, [14.0, 12.9, 12.1, 11.0, 10.0]),
        excess=excess_events(10.0, 1000.0, 20.0, per=1000.0),
    )


SENTENCES = {
    ("above", "en"): "Førde: 18% above the national rate (significant); 2nd highest of 21 areas, "
    "plausibly 1st to 4th; stable over 2018–2022; about 650 more events a year than at the "
    "national rate (605 to 695).",
    ("above", "nb"): f"Førde: 18{NBSP}% over landsgjennomsnittet (signifikant); 2. høyest av 21 "
    "områder, trolig mellom 1. og 4.; stabil i 2018–2022; om lag 650 flere hendelser i året enn "
    "ved landsgjennomsnittet (605 til 695).",
    ("above", "nn"): f"Førde: 18{NBSP}% over landsgjennomsnittet (signifikant); 2. høgast av 21 "
    "område, truleg mellom 1. og 4.; stabil i 2018–2022; om lag 650 fleire hendingar i året enn "
    "ved landsgjennomsnittet (605 til 695).",
    ("similar", "en"): "Bergen: similar to the national rate (2% above); 9th highest of 21 "
    "areas, plausibly 5th to 14th; rising over 2018–2022 (+40%).",
    ("similar", "nb"): f"Bergen: på nivå med landsgjennomsnittet (2{NBSP}% over); 9. høyest av "
    f"21 områder, trolig mellom 5. og 14.; økende i 2018–2022 (+40{NBSP}%).",
    ("similar", "nn"): f"Bergen: på nivå med landsgjennomsnittet (2{NBSP}% over); 9. høgast av "
    f"21 område, truleg mellom 5. og 14.; aukande i 2018–2022 (+40{NBSP}%).",
    ("below", "en"): "Diakonhjemmet: 23% below the national rate (significant); lowest of 21 "
    "areas, plausibly 1st to 3rd lowest; falling over 2018–2022 (MINUS29%); about 10 fewer "
    "events a year than at the national rate (2 to 15).",
    ("below", "nb"): f"Diakonhjemmet: 23{NBSP}% under landsgjennomsnittet (signifikant); lavest "
    f"av 21 områder, trolig mellom 1. og 3. lavest; synkende i 2018–2022 (MINUS29{NBSP}%); om "
    "lag 10 færre hendelser i året enn ved landsgjennomsnittet (2 til 15).",
    ("below", "nn"): f"Diakonhjemmet: 23{NBSP}% under landsgjennomsnittet (signifikant); lågast "
    f"av 21 område, truleg mellom 1. og 3. lågast; minkande i 2018–2022 (MINUS29{NBSP}%); om "
    "lag 10 færre hendingar i året enn ved landsgjennomsnittet (2 til 15).",
}
CASES = {"above": above, "similar": similar, "below": below}
MINUS = {"en": "-", "nb": "-", "nn": "-"}  # the minus formatting gives in each language


@pytest.mark.parametrize(("case", "lang"), sorted(SENTENCES))
def test_each_sentence_in_each_language(case, lang):
    expected = SENTENCES[(case, lang)].replace("MINUS", MINUS[lang])
    assert finding(CASES[case](), lang) == expected


def test_the_sentence_follows_the_language_asked_for_not_the_ui():
    from atlasviewer import i18n

    i18n.set_language("nb")
    try:
        assert finding(similar(), "en").startswith("Bergen: similar to")
        assert finding(similar()).startswith("Bergen: på nivå med")
    finally:
        i18n.set_language("en")


def test_singular_counts():
    # One more event a year: 3 observed where 2 are expected.
    facts = FindingFacts("A", excess=excess_events(3.0, 1000.0, 2.0, per=1000.0))
    assert "about 1 more event a year" in finding(facts, "en")
    assert "om lag 1 hendelse mer i året" in finding(facts, "nb")
    assert "om lag 1 hending meir i året" in finding(facts, "nn")
    one = FindingFacts("A", rank=RankRange("a", 1, 1, 1, 2, ""))
    assert finding(one, "nn") == "A; høgast av 2 område."


def test_at_the_national_rate_and_not_compared():
    assert finding(FindingFacts("A", 100.2, 100.0, "similar"), "en") == "A: at the national rate."
    assert finding(FindingFacts("A", 130.0, 100.0), "en") == (
        "A: 30% above the national rate (not tested)."
    )
    assert finding(FindingFacts("A", 130.0, 100.0), "nn") == (
        f"A: 30{NBSP}% over landsgjennomsnittet (ikkje testa)."
    )


def test_ordinals_and_rounding():
    got = [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)]
    assert got == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
        "111th",
    ]  # fmt: skip
    assert ordinal(3, "nb") == "3." and ordinal(21, "nn") == "21."
    assert [about(x) for x in (649.6, 4387.0, 12.4, -10.2, 99.6)] == [650, 4400, 12, 10, 100]


def test_ranks_in_the_lower_half_count_from_the_bottom():
    # 20th of 21 from the top is 2nd from the bottom; the range 19th-21st is 1st-3rd lowest.
    facts = FindingFacts("A", rank=RankRange("a", 20, 19, 21, 21, ""))
    assert finding(facts, "en") == "A; 2nd lowest of 21 areas, plausibly 1st to 3rd lowest."
    assert finding(facts, "nb") == "A; 2. lavest av 21 områder, trolig mellom 1. og 3. lavest."
    # The middle of 21 (11th) still counts from the top.
    middle = FindingFacts("A", rank=RankRange("a", 11, 11, 11, 21, ""))
    assert finding(middle, "en") == "A; 11th highest of 21 areas."


def test_rank_phrase_for_tooltips():
    rank = RankRange("a", 3, 2, 6, 21, "")
    assert rank_phrase(rank, "en") == "3rd of 21, plausibly 2nd to 6th"
    assert rank_phrase(rank, "nb") == "3. av 21, trolig mellom 2. og 6."
    assert rank_phrase(rank, "nn") == "3. av 21, truleg mellom 2. og 6."
    assert rank_phrase(RankRange("a", 1, 1, 1, 21, ""), "en") == "1st of 21"
