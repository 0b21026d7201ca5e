"""The cards of 績效指標 (a headline, a chart, the working behind the figure) and the figures they show: VR 結案率
and 服務人數, supported employment against its targets, and the headings of the lists behind the bars."""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from app.errors import Language
from app.services import codes, kpi
from app.services.kpi_dashboard import Dashboard, DrillKey, Measure, category_label, target_group_label
from app.services.rocdate import roc_year
from app.views.i18n import current_language, translate
from app.views.supervisor.chart import MET_COLOUR, SHORT_COLOUR, Bar, BarChart

MET_STYLE: Final = "color: #2e7d32; font-weight: bold;"
SHORT_STYLE: Final = "color: #b3261e; font-weight: bold;"


def language() -> Language:
    return "en" if current_language() == "en" else "zh-TW"


def percent(rate: Fraction | None) -> str:
    return "—" if rate is None else f"{float(rate) * 100:.1f} %"


def verdict(met: bool | None) -> str:
    if met is None:
        return translate("無資料", "no data")
    return translate("達成", "met") if met else translate("未達", "not met")


def style_verdict(label: QLabel, met: bool | None) -> None:
    label.setStyleSheet("" if met is None else (MET_STYLE if met else SHORT_STYLE))


def measure_label(measure: Measure) -> str:
    return {
        Measure.OPENED: translate("新開案", "Opened"),
        Measure.CLOSED: translate("結案", "Closed"),
        Measure.PLACED: translate("推介成功", "Placements"),
        Measure.SUCCEEDED: translate("就業成功", "Employment successes"),
    }.get(measure, measure.value)


class Card(QGroupBox):
    """A titled box: a headline, a chart, and the working behind the figure."""

    def __init__(self, title: str, chart: BarChart, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.headline = QLabel()
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.chart = chart
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #444;")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.headline)
        self.layout_.addWidget(chart, 1)
        self.layout_.addWidget(self.detail)


def show_vr(closure: Card, served_card: Card, board: Dashboard) -> None:
    """結案率 and 服務人數 of VR (002 附件一 三(六), 附件四 註三)."""
    vr = board.kpi.vr
    closure.headline.setText(
        translate(
            f"結案率 {percent(vr.closure_rate)}（目標 ≥ 30 %）：{verdict(vr.meets_closure_target)}",
            f"Closure rate {percent(vr.closure_rate)} (target ≥ 30 %): {verdict(vr.meets_closure_target)}",
        )
    )
    style_verdict(closure.headline, vr.meets_closure_target)
    closure.chart.set_bars(
        [
            Bar(
                board.year_key(Measure.VR_OPENED),
                translate("當年度新開案", "Opened this year"),
                vr.opened_this_year,
            ),
            Bar(
                board.year_key(Measure.VR_CARRIED),
                translate("前一年度未結案", "Carried over"),
                vr.open_from_last_year,
            ),
            Bar(board.year_key(Measure.VR_CLOSED), translate("結案", "Closed"), vr.closed, colour=MET_COLOUR),
        ]
    )
    closure.detail.setText(
        translate(
            f"結案率 = 結案 {vr.closed:,} ÷（新開案 {vr.opened_this_year:,} ＋ 前一年度未結案 "
            f"{vr.open_from_last_year:,}）（附件一 三(六)）",
            f"Closure rate = {vr.closed:,} closed ÷ ({vr.opened_this_year:,} opened + "
            f"{vr.open_from_last_year:,} carried over)",
        )
    )
    served = vr.served
    met = served.total >= served.target if served.target else None
    served_card.headline.setText(
        translate(
            f"服務人數 {served.total:,}（目標 {served.target:,}）：{verdict(met)}",
            f"Served {served.total:,} (target {served.target:,}): {verdict(met)}",
        )
    )
    style_verdict(served_card.headline, met)
    carried = translate(
        f"前一年度未結案（計入 {served.counted_carry_over:,}）",
        f"Carried over ({served.counted_carry_over:,} count)",
    )
    served_card.chart.set_bars(
        [
            Bar(board.year_key(Measure.VR_OPENED), translate("當年度開案", "Opened"), served.opened_this_year),
            Bar(
                board.year_key(Measure.VR_CARRIED),
                carried,
                served.counted_carry_over,
                tooltip=translate(
                    f"前一年度未結案 {served.open_from_last_year:,} 件，最多列計 {served.counted_carry_over:,}",
                    f"{served.open_from_last_year:,} carried over, at most {served.counted_carry_over:,} count",
                ),
            ),
            Bar(
                board.year_key(Measure.VR_SERVED),
                translate("服務人數", "Served"),
                served.total,
                colour=MET_COLOUR if met else SHORT_COLOUR,
            ),
        ],
        target=served.target or None,
        target_label=translate(f"目標 {served.target:,}", f"target {served.target:,}"),
    )
    county = codes.county(vr.county).label(language()) if vr.county else "—"
    per = kpi.county_target(vr.county) if vr.county else 0
    served_card.detail.setText(
        translate(
            f"職管員 {vr.case_managers} 位 × {county}目標每人 {per} 人；前一年度未結案最多列計目標之 50 %"
            f"（{float(served.carry_over_cap):g}）（附件四 註三）",
            f"{vr.case_managers} case managers × {per} ({county}); carried-over cases count up to 50 % of the "
            f"target ({float(served.carry_over_cap):g})",
        )
    )


def show_supported(card: Card, board: Dashboard) -> None:
    """Supported employment against the targets of 003 三(三), 三(六) and 四."""
    year = board.kpi.supported_employment
    result = year.result
    if result is None:
        card.headline.setText(translate("今年沒有支持性就業個案。", "No supported-employment cases this year."))
        style_verdict(card.headline, None)
        card.chart.set_bars([])
        card.detail.setText("")
        return
    targets = result.targets
    card.headline.setText(
        translate(
            f"就業服務員 {targets.job_coaches} 位：推介成功 {verdict(result.placements_met)}、"
            f"支持性就業成功 {verdict(result.supported_successes_met)}、服務量 {verdict(result.caseload_met)}",
            f"{targets.job_coaches} job coaches: placements {verdict(result.placements_met)}, supported "
            f"successes {verdict(result.supported_successes_met)}, caseload {verdict(result.caseload_met)}",
        )
    )
    style_verdict(card.headline, result.achieved)
    card.chart.set_bars(
        [
            Bar(
                board.year_key(Measure.SE_PLACED),
                translate("推介成功", "Placements"),
                result.placements_counted,
                target=result.placements_required,
                tooltip=translate(
                    f"推介成功 {result.placements_counted}（偏鄉／高度支持加倍計）；目標 "
                    f"{targets.placements} − 扣抵 {result.placement_offset} = {result.placements_required}",
                    f"{result.placements_counted} placements (remote/high support counted double); target "
                    f"{targets.placements} − offset {result.placement_offset} = {result.placements_required}",
                ),
                colour=MET_COLOUR if result.placements_met else SHORT_COLOUR,
            ),
            Bar(
                board.year_key(Measure.SE_SUPPORTED),
                translate("支持性就業成功", "Supported"),
                result.supported_successes_counted,
            ),
            Bar(
                board.year_key(Measure.SE_GENERAL),
                translate(f"一般性（換算 {result.general_converted}）", f"General (= {result.general_converted})"),
                result.general_successes_counted,
            ),
            Bar(
                board.year_key(Measure.SE_SUCCEEDED),
                translate("支持性合計（含換算）", "Supported incl. converted"),
                result.supported_successes_total,
                target=targets.supported_successes,
                colour=MET_COLOUR if result.supported_successes_met else SHORT_COLOUR,
            ),
        ],
        target_label=translate("目標", "target"),
    )
    all_successes = result.supported_successes_counted + result.general_successes_counted
    share = percent(Fraction(result.supported_successes_counted, all_successes)) if all_successes else "—"
    met_caseloads = sum(caseload.met for caseload in result.caseloads)
    groups = year.group_model
    group_text = (
        translate(
            f"；群組模式 {len(groups)} 位，達成 {sum(g.result.met for g in groups)} 位",
            f"; group model: {sum(g.result.met for g in groups)} of {len(groups)} met",
        )
        if groups
        else ""
    )
    card.detail.setText(
        translate(
            f"目標：推介成功 {targets.placements}（{targets.job_coaches} × 12，職場適應服務扣抵 "
            f"{result.placement_offset}）、支持性就業成功 {targets.supported_successes}（× 6）；"
            f"一般性 3 人換算支持性 1 人；"
            f"支持性占就業成功 {share}（應 ≥ 2/3：{verdict(result.two_thirds_rule_met)}）；"
            f"服務量 ≥ 20 人：{met_caseloads}/{len(result.caseloads)} 位達成（003 三(三)、四）" + group_text,
            f"Targets: {targets.placements} placements ({targets.job_coaches} × 12, offset "
            f"{result.placement_offset}), {targets.supported_successes} supported successes (× 6); 3 general "
            f"successes convert to 1; supported share {share} (≥ 2/3: {verdict(result.two_thirds_rule_met)}); "
            f"caseload ≥ 20: {met_caseloads} of {len(result.caseloads)} coaches" + group_text,
        )
    )


def drill_title(key: DrillKey) -> str:
    """The heading of the list of cases behind a bar."""
    names = {
        Measure.VR_OPENED: translate("職業重建當年度新開案", "VR opened"),
        Measure.VR_CARRIED: translate("職業重建前一年度未結案", "VR carried over"),
        Measure.VR_CLOSED: translate("職業重建結案", "VR closed"),
        Measure.VR_SERVED: translate("職業重建服務人數", "VR served"),
        Measure.SE_PLACED: translate("支持性就業推介成功", "Supported employment placements"),
        Measure.SE_SUPPORTED: translate("支持性就業成功", "Supported successes"),
        Measure.SE_GENERAL: translate("一般性就業成功", "General successes"),
        Measure.SE_SUCCEEDED: translate("支持性與一般性就業成功", "Supported and general successes"),
        Measure.SERVED: translate("服務對象", "Served"),
    }
    name = names.get(key.measure) or measure_label(key.measure)
    if key.target_group is not None:
        name += f"・{target_group_label(key.target_group) if key.target_group else translate('無特定對象身分', 'None')}"
    if key.category is not None:
        name += f"・{category_label(key.category) if key.category else translate('無身心障礙證明', 'None')}"
    if key.start.month == 1 and key.end.month == 12 and key.start.day == 1:
        period = translate(f"民國{roc_year(key.start)}年", f"{key.start.year}")
    else:
        period = translate(f"{roc_year(key.start)}年{key.start.month}月", f"{key.start:%Y-%m}")
    return f"{name}（{period}）" if current_language() != "en" else f"{name} ({period})"
