"""A small bar chart drawn with QPainter (PySide6-Essentials has no QtCharts): value axis with round ticks, a value
over each bar, category labels, a target line or per-bar target marks, hover highlight with a tooltip, and
`bar_clicked(key)` on a click (or Enter/Space on the bar chosen with the arrow keys).

Vertical bars suit months (short labels); horizontal bars suit long labels (特定對象身分, 障別).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR_COLOUR: Final = QColor("#3b6ea8")
HOVER_COLOUR: Final = QColor("#23507f")
MET_COLOUR: Final = QColor("#2e7d32")
SHORT_COLOUR: Final = QColor("#c0562b")
TARGET_COLOUR: Final = QColor("#b3261e")
GRID_COLOUR: Final = QColor("#dddddd")
MARGIN: Final = 8.0


@dataclass(frozen=True)
class Bar:
    """One bar. `key` is what `bar_clicked` emits; `text` is shown over the bar (default: the value)."""

    key: object
    label: str
    value: float
    text: str = ""
    tooltip: str = ""
    target: float | None = None  # a mark across this bar (per-bar targets)
    colour: QColor | None = None

    @property
    def shown(self) -> str:
        return self.text or f"{self.value:,.0f}"


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`: steps of 1, 2 or 5 × 10^n."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0) if top >= 1 else step
    last = math.ceil(top / step) * step
    return [i * step for i in range(round(last / step) + 1)]


class BarChart(QWidget):
    bar_clicked = Signal(object)  # the clicked bar's key

    def __init__(self, title: str = "", *, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.bars: list[Bar] = []
        self.target: float | None = None
        self.target_label = ""
        self.empty_text = ""
        self._hover: int | None = None
        self._current = 0
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    # --- contents ---------------------------------------------------------------------------------------------

    def set_bars(self, bars: Sequence[Bar], *, target: float | None = None, target_label: str = "") -> None:
        self.bars = list(bars)
        self.target = target
        self.target_label = target_label
        self._hover = None
        self._current = min(self._current, max(len(self.bars) - 1, 0))
        self.setAccessibleDescription("；".join(f"{bar.label} {bar.shown}" for bar in self.bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 3)
        line = QFontMetricsF(self.font()).height()
        if self.horizontal:
            return QSize(420, int(line * 2.5 + rows * line * 1.6 + 2 * MARGIN))
        return QSize(max(360, rows * 48), 260)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), 280), min(hint.height(), 180) if not self.horizontal else hint.height())

    # --- geometry ---------------------------------------------------------------------------------------------

    def _scale_top(self) -> float:
        values = [bar.value for bar in self.bars] + [bar.target or 0 for bar in self.bars] + [self.target or 0]
        return nice_ticks(max(values, default=0))[-1]

    def _plot(self) -> tuple[QRectF, float]:
        """The plotting area (inside the axes) and the label room beside or below it."""
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        top = MARGIN + (line * 1.4 if self.title else 0) + line  # room for a value over the tallest bar
        if self.horizontal:
            label_room = min(
                max((metrics.horizontalAdvance(bar.label) for bar in self.bars), default=0) + 8, self.width() * 0.4
            )
            value_room = max((metrics.horizontalAdvance(bar.shown) for bar in self.bars), default=0) + 10
            area = QRectF(
                MARGIN + label_room,
                top - line,
                self.width() - 2 * MARGIN - label_room - value_room,
                self.height() - (top - line) - MARGIN - line * 1.3,
            )
            return area, label_room
        tick_room = metrics.horizontalAdvance(f"{self._scale_top():,.0f}") + 8
        label_room = line * 2.3
        area = QRectF(MARGIN + tick_room, top, self.width() - 2 * MARGIN - tick_room, self.height() - top - label_room)
        return area, label_room

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn (its full slot's width, its value's length)."""
        area, _ = self._plot()
        count = max(len(self.bars), 1)
        top = self._scale_top() or 1.0
        bar = self.bars[index]
        if self.horizontal:
            slot = area.height() / count
            thickness = min(slot * 0.7, 28.0)
            y = area.top() + slot * index + (slot - thickness) / 2
            return QRectF(area.left(), y, max(area.width() * bar.value / top, 1.0), thickness)
        slot = area.width() / count
        thickness = min(slot * 0.65, 64.0)
        x = area.left() + slot * index + (slot - thickness) / 2
        height = max(area.height() * bar.value / top, 1.0)
        return QRectF(x, area.bottom() - height, thickness, height)

    def _slot(self, index: int) -> QRectF:
        area, _ = self._plot()
        count = max(len(self.bars), 1)
        if self.horizontal:
            slot = area.height() / count
            return QRectF(0, area.top() + slot * index, self.width(), slot)
        slot = area.width() / count
        return QRectF(area.left() + slot * index, 0, slot, self.height())

    def bar_at(self, point: QPointF) -> int | None:
        """The bar whose slot holds `point` (the whole column or row, so short bars are easy to hit)."""
        for index in range(len(self.bars)):
            if self._slot(index).contains(point):
                return index
        return None

    # --- painting ---------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetricsF(self.font())
        if self.title:
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text_colour)
            painter.drawText(QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, metrics.height() * 1.3), self.title)
            painter.setFont(self.font())
        if not self.bars:
            painter.setPen(QColor("#6b6b6b"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        area, label_room = self._plot()
        top = self._scale_top() or 1.0
        self._draw_axis(painter, area, top, metrics, text_colour)
        for index, bar in enumerate(self.bars):
            self._draw_bar(painter, index, bar, area, label_room, top, metrics, text_colour)
        if self.target is not None:
            self._draw_target(painter, area, top, metrics)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._slot(self._current).adjusted(1, 1, -1, -1))

    def _draw_axis(
        self, painter: QPainter, area: QRectF, top: float, metrics: QFontMetricsF, text_colour: QColor
    ) -> None:
        for tick in nice_ticks(top):
            painter.setPen(QPen(GRID_COLOUR, 1))
            if self.horizontal:
                x = area.left() + area.width() * tick / top
                painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
                painter.setPen(QColor("#6b6b6b"))
                label = f"{tick:,.0f}"
                width = metrics.horizontalAdvance(label)
                painter.drawText(QPointF(x - width / 2, area.bottom() + metrics.ascent() + 3), label)
            else:
                y = area.bottom() - area.height() * tick / top
                painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
                painter.setPen(QColor("#6b6b6b"))
                label = f"{tick:,.0f}"
                width = metrics.horizontalAdvance(label)
                painter.drawText(QPointF(area.left() - width - 5, y + metrics.ascent() / 2 - 1), label)
        painter.setPen(QPen(text_colour, 1))
        if self.horizontal:
            painter.drawLine(area.topLeft(), area.bottomLeft())
        else:
            painter.drawLine(area.bottomLeft(), area.bottomRight())

    def _draw_bar(
        self,
        painter: QPainter,
        index: int,
        bar: Bar,
        area: QRectF,
        label_room: float,
        top: float,
        metrics: QFontMetricsF,
        text_colour: QColor,
    ) -> None:
        rect = self.bar_rect(index)
        colour = bar.colour or BAR_COLOUR
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HOVER_COLOUR if index == self._hover else colour)
        painter.drawRect(rect)
        painter.setPen(text_colour)
        if self.horizontal:
            painter.drawText(QPointF(rect.right() + 5, rect.center().y() + metrics.ascent() / 2 - 1), bar.shown)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_room - 8)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(area.left() - width - 6, rect.center().y() + metrics.ascent() / 2 - 1), label)
        else:
            width = metrics.horizontalAdvance(bar.shown)
            painter.drawText(QPointF(rect.center().x() - width / 2, rect.top() - 4), bar.shown)
            slot = self._slot(index)
            box = QRectF(slot.left() + 1, area.bottom() + 3, slot.width() - 2, label_room - 3)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(box, int(flags), bar.label)
        if bar.target is not None:
            painter.setPen(QPen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
            mark = f"{self.target_label} {bar.target:,.0f}".strip()
            if self.horizontal:
                x = area.left() + area.width() * bar.target / top
                painter.drawLine(QPointF(x, rect.top() - 3), QPointF(x, rect.bottom() + 3))
            else:
                y = area.bottom() - area.height() * bar.target / top
                painter.drawLine(QPointF(rect.left() - 6, y), QPointF(rect.right() + 6, y))
                painter.setPen(TARGET_COLOUR)
                width = metrics.horizontalAdvance(mark)
                baseline = y + metrics.ascent() / 2 - 1
                if rect.right() + 8 + width <= area.right():
                    painter.drawText(QPointF(rect.right() + 8, baseline), mark)
                elif rect.left() - 8 - width >= area.left():
                    painter.drawText(QPointF(rect.left() - 8 - width, baseline), mark)
                else:
                    painter.drawText(QPointF(rect.center().x() - width / 2, y - 4), mark)

    def _draw_target(self, painter: QPainter, area: QRectF, top: float, metrics: QFontMetricsF) -> None:
        assert self.target is not None
        painter.setPen(QPen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        if self.horizontal:
            x = area.left() + area.width() * self.target / top
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            painter.drawText(QPointF(x + 4, area.top() + metrics.ascent()), self.target_label)
        else:
            y = area.bottom() - area.height() * self.target / top
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            width = metrics.horizontalAdvance(self.target_label)
            painter.drawText(QPointF(area.right() - width - 2, y - 4), self.target_label)

    # --- interaction ------------------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position())
        if index != self._hover:
            self._hover = index
            self.update()
        if index is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        bar = self.bars[index]
        QToolTip.showText(event.globalPosition().toPoint(), bar.tooltip or f"{bar.label}：{bar.shown}", self)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.bar_at(event.position())
        if index is not None:
            self._current = index
            self.update()
            self.bar_clicked.emit(self.bars[index].key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.bars:
            super().keyPressEvent(event)
            return
        forward = Qt.Key.Key_Down if self.horizontal else Qt.Key.Key_Right
        back = Qt.Key.Key_Up if self.horizontal else Qt.Key.Key_Left
        if event.key() == forward:
            self._current = min(self._current + 1, len(self.bars) - 1)
        elif event.key() == back:
            self._current = max(self._current - 1, 0)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.bar_clicked.emit(self.bars[self._current].key)
            return
        else:
            super().keyPressEvent(event)
            return
        bar = self.bars[self._current]
        self.setAccessibleDescription(f"{bar.label} {bar.shown}")
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
