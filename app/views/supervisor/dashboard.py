"""績效指標: the team's year against the statutory targets, drawn as bar charts; a bar lists the cases behind it.

Every figure comes from app.services.kpi_dashboard, whose statutory part is the foundation's `year_kpi`: 結案率
against 30 % and 服務人數 against 職管員 × target (002), supported employment against 12 and 6 per 就業服務員 with
一般性 conversions and 職場適應 offsets (003), 推介成功 and 就業成功 in people, who was served by 特定對象 and
disability category, and the last twelve months.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Programme
from app.services import clock, labels
from app.services.kpi_dashboard import (
    NO_CERTIFICATE,
    NO_TARGET_GROUP,
    Dashboard,
    DrillKey,
    Measure,
    category_label,
    dashboard,
    drill_case_ids,
    target_group_label,
)
from app.services.rocdate import roc_year
from app.views.errors import report_error
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner
from app.views.supervisor.chart import MET_COLOUR, Bar, BarChart
from app.views.supervisor.drill import CaseListDialog
from app.views.supervisor.kpi_cards import Card, drill_title, language, measure_label, show_supported, show_vr

FIRST_YEAR: Final = 2015


class KpiDashboardView(QWidget):
    """績效指標 of a year (default: this year, seen from `on_date`, default today in Taiwan)."""

    case_opened = Signal(object)  # uuid.UUID, from a drill-down list
    refreshed = Signal()
    drilled = Signal(object)  # the CaseListDialog shown

    def __init__(
        self,
        runner: StoreRunner,
        *,
        on_date: date | None = None,
        county: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.on_date = on_date
        self.county = county
        self.board: Dashboard | None = None
        self._generation = 0
        on = self._on()

        self.title = QLabel(translate("績效指標", "Performance"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, on.year)
        self.year.setValue(on.year)
        self.year.setAccessibleName(translate("年度", "Year"))
        if current_language() != "en":
            self.year.setPrefix("西元 ")
        self.year.valueChanged.connect(self.refresh)
        self.programme = QComboBox()
        self.programme.setAccessibleName(translate("服務類別", "Programme"))
        self.programme.addItem(translate("全部服務類別", "Every programme"), None)
        for programme in Programme:
            self.programme.addItem(labels.label(programme, language()), programme)
        self.programme.setToolTip(
            translate("服務對象分布與近12個月趨勢的範圍", "What the distributions and the trend count")
        )
        self.programme.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(translate("重新整理", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel(translate("載入中…", "Loading…"))

        self.closure = Card(translate("結案率（職業重建）", "Closure rate (VR)"), BarChart())
        self.served = Card(translate("服務人數（職業重建）", "People served (VR)"), BarChart())
        self.supported = Card(translate("支持性就業服務（個別模式）", "Supported employment (individual)"), BarChart())
        self.outcomes = Card(translate("推介成功與就業成功（人）", "Placements and successes (people)"), BarChart())
        self.target_groups = Card(
            translate("服務對象：特定對象身分", "Served: target groups"), BarChart(horizontal=True)
        )
        self.disabilities = Card(
            translate("服務對象：障礙類別", "Served: disability categories"), BarChart(horizontal=True)
        )
        self.trend_measure = QComboBox()
        self.trend_measure.setAccessibleName(translate("趨勢項目", "Trend of"))
        for measure in (Measure.OPENED, Measure.CLOSED, Measure.PLACED, Measure.SUCCEEDED):
            self.trend_measure.addItem(measure_label(measure), measure)
        self.trend_measure.currentIndexChanged.connect(self._show_trend)
        self.trend = Card(translate("近12個月趨勢", "The last 12 months"), BarChart())
        self.trend.layout_.insertWidget(0, self.trend_measure, 0, Qt.AlignmentFlag.AlignLeft)
        self.cards = (
            self.closure,
            self.served,
            self.supported,
            self.outcomes,
            self.target_groups,
            self.disabilities,
            self.trend,
        )
        for card in self.cards:
            card.chart.bar_clicked.connect(self.drill)
            card.chart.empty_text = translate("沒有資料", "No data")

        grid = QGridLayout()
        grid.addWidget(self.closure, 0, 0)
        grid.addWidget(self.served, 0, 1)
        grid.addWidget(self.supported, 1, 0)
        grid.addWidget(self.outcomes, 1, 1)
        grid.addWidget(self.target_groups, 2, 0)
        grid.addWidget(self.disabilities, 2, 1)
        grid.addWidget(self.trend, 3, 0, 1, 2)
        for row, height in enumerate((300, 330, 340, 300)):
            grid.setRowMinimumHeight(row, height)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.year)
        top.addWidget(self.programme)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.refresh()

    def _on(self) -> date:
        return self.on_date or clock.today()

    def chosen_programme(self) -> Programme | None:
        chosen = self.programme.currentData()
        return Programme(chosen) if chosen else None  # Qt keeps a StrEnum as its plain text

    # --- loading ----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation, on, year = self._generation, self._on(), self.year.value()
        programme = self.chosen_programme()
        county = self.county or None
        self.refresh_button.setEnabled(False)
        self.status.setText(translate("計算中…", "Computing…"))
        self.runner.run(
            lambda session: dashboard(session, year, on=on, programme=programme, county=county),
            lambda board: self._show(generation, board),
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(translate("無法計算績效指標。", "Could not compute the figures."))
        report_error(error, self)

    def _show(self, generation: int, board: Dashboard) -> None:
        if generation != self._generation:
            return
        self.board = board
        self.refresh_button.setEnabled(True)
        year = roc_year(date(board.year, 1, 1))
        self.title.setText(translate(f"績效指標　民國{year}年", f"Performance · {board.year}"))
        self.status.setText(
            translate(f"統計至 {board.as_of:%Y-%m-%d}", f"As of {board.as_of:%Y-%m-%d}")
            if board.as_of.year == board.year
            else ""
        )
        show_vr(self.closure, self.served, board)
        show_supported(self.supported, board)
        self._show_outcomes(board)
        self._show_shares(board)
        self._show_trend()
        self.refreshed.emit()

    def _show_outcomes(self, board: Dashboard) -> None:
        outcomes = board.kpi.outcomes
        self.outcomes.headline.setText(
            translate(
                f"推介成功 {outcomes.placements:,} 人・就業成功 {outcomes.employment_successes:,} 人",
                f"{outcomes.placements:,} placed · {outcomes.employment_successes:,} employed 3 months",
            )
        )
        self.outcomes.chart.set_bars(
            [
                Bar(board.year_key(Measure.PLACED), translate("推介成功", "Placements"), outcomes.placements),
                Bar(
                    board.year_key(Measure.SUCCEEDED),
                    translate("就業成功", "Successes"),
                    outcomes.employment_successes,
                    colour=MET_COLOUR,
                ),
            ]
        )
        self.outcomes.detail.setText(
            translate(
                "全部服務類別，以人計（同一人當年度只計一次）：推介成功為競爭性職場工作1天以上並投保勞保；就業成功為"
                "就業3個月以上（003 三(四)(五)）。",
                "Every programme, in people (once a year each): placed in a competitive job for a day or more with "
                "labour insurance; employed 3 months or more.",
            )
        )

    def _show_shares(self, board: Dashboard) -> None:
        lang = language()
        scope = self.programme.currentText()
        self.target_groups.headline.setText(
            translate(f"今年服務 {board.served_people:,} 人（{scope}）", f"{board.served_people:,} served ({scope})")
        )
        self.target_groups.chart.set_bars(
            [
                Bar(
                    share.key,
                    translate("無特定對象身分", "None")
                    if share.code == NO_TARGET_GROUP
                    else target_group_label(share.code, lang),
                    share.people,
                )
                for share in board.target_groups
            ]
        )
        self.target_groups.detail.setText(
            translate("一人可有多種身分，各計一次。", "A person with several target groups counts in each.")
        )
        self.disabilities.headline.setText(
            translate(f"今年服務 {board.served_people:,} 人（{scope}）", f"{board.served_people:,} served ({scope})")
        )
        self.disabilities.chart.set_bars(
            [
                Bar(
                    share.key,
                    translate("無身心障礙證明", "No certificate")
                    if share.code == NO_CERTIFICATE
                    else category_label(share.code, lang, short=True),
                    share.people,
                    tooltip=f"{category_label(share.code, lang)}：{share.people:,}" if share.code else "",
                )
                for share in board.disabilities
            ]
        )
        self.disabilities.detail.setText(
            translate("依最新一張身心障礙證明（或手冊）的類別。", "By the categories of the latest certificate.")
        )

    def _show_trend(self) -> None:
        board = self.board
        if board is None:
            return
        chosen = self.trend_measure.currentData()
        if chosen is None:
            return
        measure = Measure(chosen)  # Qt keeps a StrEnum as its plain text
        english = current_language() == "en"
        bars = []
        for point in board.trend:
            label = f"{point.start:%Y-%m}" if english else f"{roc_year(point.start)}/{point.start.month:02d}"
            value = point.counts[measure]
            bars.append(Bar(point.key(measure), label, value, tooltip=f"{label} {measure_label(measure)}：{value:,}"))
        self.trend.chart.set_bars(bars)
        self.trend.headline.setText(
            translate(
                f"{measure_label(measure)}，近12個月（{self.programme.currentText()}）",
                f"{measure_label(measure)}, the last 12 months ({self.programme.currentText()})",
            )
        )
        self.trend.detail.setText(
            translate(
                "新開案、結案以件計；推介成功、就業成功以人計，月份與年度計算方式相同。",
                "Opened and closed count cases; placements and successes count people, as the year does.",
            )
        )

    # --- drilling down ----------------------------------------------------------------------------------------

    def drill(self, key: object) -> None:
        if not isinstance(key, DrillKey) or self.board is None:
            return
        as_of = self.board.as_of
        title = drill_title(key)

        def job(session: Any) -> list[uuid.UUID]:
            return drill_case_ids(session, key, as_of=min(as_of, key.end))

        self.runner.run(job, lambda ids: self._list(title, ids), owner=self, progress=translate("讀取中…", "Loading…"))

    def _list(self, title: str, ids: list[uuid.UUID]) -> None:
        dialog = CaseListDialog(self.runner, title, ids, self)
        dialog.case_opened.connect(self.case_opened)
        dialog.show()
        self.drilled.emit(dialog)
