"""Code lists in resources/codes/ against the seeds, and the loader's handling of agency edits and broken files."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from app.errors import AppError, ValidationError
from app.services import codes

REPO = Path(__file__).resolve().parents[2]
SEED_002 = REPO.parent / "shared" / "seeds" / "002_915dd1d869dd1caf.txt"

# 002 附件四, typed from the seed in its order: 縣市名稱 → 目標服務身障人數/每一職管員/每年.
ANNEX_4 = {
    "新北市": 50,
    "臺北市": 50,
    "桃園市": 50,
    "臺中市": 50,
    "臺南市": 50,
    "高雄市": 50,
    "宜蘭縣": 45,
    "新竹縣": 45,
    "苗栗縣": 45,
    "彰化縣": 45,
    "南投縣": 45,
    "雲林縣": 45,
    "嘉義縣": 45,
    "屏東縣": 45,
    "臺東縣": 40,
    "花蓮縣": 40,
    "澎湖縣": 40,
    "基隆市": 45,
    "新竹市": 45,
    "嘉義市": 45,
    "金門縣": 40,
    "連江縣": 40,
}
REMOTE = {"臺東縣", "花蓮縣", "澎湖縣", "金門縣", "連江縣"}  # 註二: 離島及花東
ISLANDS = {"澎湖縣", "金門縣", "連江縣"}
MUNICIPALITIES = {"新北市", "臺北市", "桃園市", "臺中市", "臺南市", "高雄市"}
FULL_TOWNSHIP_COUNTS = {"臺東縣": 16, "花蓮縣": 13, "澎湖縣": 6, "金門縣": 6, "連江縣": 4}


@pytest.fixture(autouse=True)
def _default_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own override must not decide what these tests read.
    monkeypatch.delenv(codes.RESOURCES_ENV, raising=False)


# --- counties --------------------------------------------------------------------------------------------------


def test_all_22_counties_with_the_annex_targets_in_order() -> None:
    assert [(c.zh, c.target_per_manager) for c in codes.counties()] == list(ANNEX_4.items())


@pytest.mark.skipif(not SEED_002.exists(), reason="shared/seeds is not beside the repository")
def test_counties_match_the_table_parsed_from_seed_002() -> None:
    text = unicodedata.normalize("NFKC", SEED_002.read_text(encoding="utf-8"))
    table = text[text.index("縣市名稱") : text.index("註一")]
    rows = re.findall(r"^(\S+[縣市])\t(\d+)$", table, flags=re.MULTILINE)
    assert len(rows) == 22
    assert {(c.zh, c.target_per_manager) for c in codes.counties()} == {(n, int(t)) for n, t in rows}


def test_tiers_follow_note_2() -> None:
    for county in codes.counties():
        if county.zh in MUNICIPALITIES:
            expected = (codes.CountyTier.MUNICIPALITY, 50)
        elif county.zh in REMOTE:
            expected = (codes.CountyTier.REMOTE, 40)
        else:
            expected = (codes.CountyTier.COUNTY, 45)
        assert (county.tier, county.target_per_manager) == expected, county.zh
        assert county.is_outlying_island == (county.zh in ISLANDS), county.zh


def test_county_codes_are_unique_three_letter_codes() -> None:
    found = [c.code for c in codes.counties()]
    assert len(set(found)) == 22
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in found)
    assert codes.county("TPE").zh == "臺北市"
    assert codes.county("NWT").zh == "新北市"


def test_townships_complete_for_remote_counties_and_a_few_elsewhere() -> None:
    for county in codes.counties():
        assert len(set(county.townships)) == len(county.townships), county.zh
        if county.zh in FULL_TOWNSHIP_COUNTS:
            assert len(county.townships) == FULL_TOWNSHIP_COUNTS[county.zh], county.zh
        else:
            assert 2 <= len(county.townships) <= 5, county.zh
    assert "蘭嶼鄉" in codes.county("臺東縣").townships
    assert "烏坵鄉" in codes.county("金門縣").townships


@pytest.mark.parametrize("query", ["HUA", "hua", "花蓮縣", " 花蓮縣 ", "Hualien County"])
def test_county_lookup_by_code_or_name(query: str) -> None:
    assert codes.county(query).code == "HUA"


def test_county_lookup_accepts_tai_variant() -> None:
    assert codes.county("台東縣").zh == "臺東縣"


def test_unknown_county_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as caught:
        codes.county("火星市")
    assert caught.value.field == "county"


# --- lookups -----------------------------------------------------------------------------------------------------


def test_every_required_list_is_loaded_with_labels() -> None:
    assert set(codes.REQUIRED_LISTS) <= set(codes.list_names())
    for name in codes.list_names():
        found = codes.entries(name)
        assert found, name
        assert len({e.code for e in found}) == len(found), name
        assert all(e.zh and e.en for e in found), name


def test_label_in_both_languages() -> None:
    assert codes.label(codes.SEVERITIES, "profound") == "極重度"
    assert codes.label(codes.SEVERITIES, "profound", "en") == "Profound"
    assert codes.label(codes.COUNTIES, "KIN") == "金門縣"


def test_label_of_unknown_code_names_the_list() -> None:
    with pytest.raises(ValidationError) as caught:
        codes.label(codes.CLOSURE_REASONS, "eloped")
    assert caught.value.field == codes.CLOSURE_REASONS


def test_is_valid() -> None:
    assert codes.is_valid(codes.CASE_SOURCES, "parent_guardian")
    assert not codes.is_valid(codes.CASE_SOURCES, "Parent_Guardian")
    assert not codes.is_valid(codes.CASE_SOURCES, "")


def test_unknown_list_name_is_an_error_not_false() -> None:
    with pytest.raises(codes.CodeListError):
        codes.is_valid("closure_reason", "lost_contact")


# --- list contents -----------------------------------------------------------------------------------------------

ICF = [
    "神經系統構造及精神、心智功能",
    "眼、耳及相關構造與感官功能及疼痛",
    "涉及聲音與言語構造及其功能",
    "循環、造血、免疫與呼吸系統構造及其功能",
    "消化、新陳代謝與內分泌系統相關構造及其功能",
    "泌尿與生殖系統相關構造及其功能",
    "神經、肌肉、骨骼之移動相關構造及其功能",
    "皮膚與相關構造及其功能",
]
OLD_SYSTEM = [
    "視覺障礙者",
    "聽覺機能障礙者",
    "平衡機能障礙者",
    "聲音機能或語言機能障礙者",
    "肢體障礙者",
    "智能障礙者",
    "重要器官失去功能者",
    "顏面損傷者",
    "植物人",
    "失智症者",
    "自閉症者",
    "慢性精神病患者",
    "多重障礙者",
    "頑性（難治型）癲癇症者",
    "經中央衛生主管機關認定因罕見疾病而致身心功能障礙者",
    "其他經中央主管機關認定之障礙者",
    "染色體異常",
    "先天代謝異常",
    "其他先天缺陷",
]


def test_new_system_has_the_eight_icf_classes() -> None:
    found = codes.entries(codes.DISABILITY_NEW_SYSTEM)
    assert [(e.extra["class_number"], e.zh) for e in found] == [
        (n, f"第{n}類 {name}") for n, name in enumerate(ICF, start=1)
    ]


def test_old_system_categories_and_codes_distinct_from_new() -> None:
    old = codes.entries(codes.DISABILITY_OLD_SYSTEM)
    assert [e.zh for e in old] == OLD_SYSTEM
    new_codes = {e.code for e in codes.entries(codes.DISABILITY_NEW_SYSTEM)}
    # A certificate stores codes of one list without saying which; they must not collide.
    assert not new_codes & {e.code for e in old}


def test_severities_in_rank_order() -> None:
    found = codes.entries(codes.SEVERITIES)
    assert [e.zh for e in found] == ["輕度", "中度", "重度", "極重度"]
    assert [e.extra["rank"] for e in found] == [1, 2, 3, 4]


def test_education_includes_special_classes() -> None:
    labels = {e.zh: e for e in codes.entries(codes.EDUCATION_LEVELS)}
    for name in ["不識字", "國小", "國中", "高中職", "高中職特教班", "國中特教班", "專科", "大學", "碩士以上"]:
        assert name in labels
    assert labels["高中職特教班"].extra["special_education"] is True
    assert labels["高中職特教班"].extra["level"] == labels["高中職"].extra["level"]


def test_target_groups_cover_article_24_and_involuntary_unemployment() -> None:
    labels = {e.zh for e in codes.entries(codes.TARGET_GROUPS)}
    for name in ["獨力負擔家計者", "中高齡者", "身心障礙者", "原住民", "二度就業婦女", "家庭暴力被害人"]:
        assert name in labels
    assert {"長期失業者", "更生受保護人", "非自願離職者"} <= labels
    assert any("低收入戶" in label and "中低收入戶" in label for label in labels)


def test_sixteen_indigenous_peoples() -> None:
    found = codes.entries(codes.INDIGENOUS_TRIBES)
    assert len(found) == 16
    assert {"阿美族", "泰雅族", "太魯閣族", "卡那卡那富族", "拉阿魯哇族"} <= {e.zh for e in found}


def test_case_sources() -> None:
    assert [e.zh for e in codes.entries(codes.CASE_SOURCES)] == [
        "教育",
        "社政",
        "衛生",
        "勞政",
        "本人申請",
        "家長/監護人申請",
        "其他",
    ]


def test_closure_reason_flags() -> None:
    reasons = codes.code_lists().closure_reasons
    assert {r.zh for r in reasons if r.requires_contact_log} == {"失聯"}
    assert {r.zh for r in reasons if r.counts_as_stable_employment} == {"穩定就業三個月"}
    assert len(reasons) >= 11
    assert codes.closure_reason("lost_contact").requires_contact_log


def test_service_kind_flags() -> None:
    by_zh = {s.zh: s for s in codes.code_lists().service_kinds}
    for name in ["職業輔導評量", "職業訓練", "庇護性就業服務", "支持性就業服務", "職場見習"]:
        assert by_zh[name].needs_referral_followup, name
    redesign = [s for s in by_zh.values() if s.job_redesign]
    assert [(s.zh, s.report_deadline_working_days) for s in redesign] == [("職務再設計", 15)]
    assert codes.service_kind("sheltered_employment").zh == "庇護性就業服務"


# --- loader: overrides and broken files ------------------------------------------------------------------------


@pytest.fixture
def agency_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped resources that a test may edit, selected through FIELDCASE_RESOURCES."""
    shutil.copytree(REPO / "resources" / "codes", tmp_path / "codes")
    monkeypatch.setenv(codes.RESOURCES_ENV, str(tmp_path))
    return tmp_path / "codes"


def test_default_resources_dir_is_beside_the_package() -> None:
    assert codes.resources_dir() == REPO / "resources"


def test_agency_can_add_an_entry_without_code_changes(agency_resources: Path) -> None:
    path = agency_resources / "closure_reasons.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - code: imprisoned\n    zh: 入監服刑\n    en: Imprisoned\n"
        + "    requires_contact_log: false\n    counts_as_stable_employment: false\n",
        encoding="utf-8",
    )
    assert codes.label(codes.CLOSURE_REASONS, "imprisoned") == "入監服刑"
    assert codes.code_lists().directory == agency_resources.resolve()


def test_new_list_file_is_picked_up(agency_resources: Path) -> None:
    (agency_resources / "languages.yaml").write_text(
        "languages:\n  - {code: hak, zh: 客語, en: Hakka}\n", encoding="utf-8"
    )
    assert codes.label("languages", "hak", "en") == "Hakka"


def _assert_broken(agency_resources: Path, file: str, old: str, new: str) -> None:
    path = agency_resources / file
    text = path.read_text(encoding="utf-8")
    assert old in text, "the test's edit must change the file"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(codes.CodeListError) as caught:
        codes.code_lists()
    assert isinstance(caught.value, AppError)
    assert file in str(caught.value)


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("disability_categories.yaml", "zh: 極重度", "zh: [極重度"),  # not YAML
        ("disability_categories.yaml", "    zh: 極重度\n", ""),  # missing label
        ("disability_categories.yaml", "code: moderate", "code: mild"),  # duplicate code
        ("disability_categories.yaml", "code: moderate", "code: 中度"),  # non-ASCII code
        ("closure_reasons.yaml", "    requires_contact_log: true\n", ""),  # flag left out
        ("closure_reasons.yaml", "requires_contact_log: true", "requires_contact_log: yes please"),
        ("service_kinds.yaml", "report_deadline_working_days: 15", "report_deadline_working_days: soon"),
        ("counties.yaml", "tier: remote", "tier: faraway"),
        ("counties.yaml", "target_per_manager: 50", "target_per_manager: -50"),
        ("counties.yaml", "is_outlying_island: true", "is_outlying_island: maybe"),
        ("counties.yaml", "townships: [南竿鄉", "townships: [北竿鄉"),  # duplicate township
        ("case_sources.yaml", "case_sources:", "counties:"),  # list defined twice
    ],
)
def test_malformed_file_raises_a_clear_error(agency_resources: Path, file: str, old: str, new: str) -> None:
    _assert_broken(agency_resources, file, old, new)


def test_missing_required_list(agency_resources: Path) -> None:
    (agency_resources / "indigenous_tribes.yaml").unlink()
    with pytest.raises(codes.CodeListError) as caught:
        codes.code_lists()
    assert "indigenous_tribes" in str(caught.value)


def test_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(codes.RESOURCES_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(codes.CodeListError):
        codes.code_lists()
