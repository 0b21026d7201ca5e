"""簽名板: the client (or guardian) signs on the screen with a mouse, a finger or a pen, and the signature is printed
on the form (計畫書, 同意書) in place of a line to sign on.

Strokes are kept as a QPainterPath from mouse and tablet events (a touch screen's touches reach the widget as mouse
events). The signature is personal data: it is saved only as a PNG in the print job's private folder, which goes
when the preview closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.views.forms import tr

PEN_WIDTH: Final = 2.6  # on screen, in pixels
IMAGE_SCALE: Final = 3.0  # the PNG has 3 pixels per screen pixel, sharp on paper
MARGIN: Final = 6.0


class SignaturePad(QWidget):
    """A white surface to sign on; `changed` after each stroke and after `clear`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = QPainterPath()
        self._drawing = False
        self.setMinimumSize(520, 160)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(tr("簽名區", "Signature area"))
        self.setAccessibleDescription(tr("以滑鼠、手指或觸控筆在此簽名", "Sign here with a mouse, finger or pen"))
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)

    def is_empty(self) -> bool:
        return self._path.elementCount() < 2

    def clear(self) -> None:
        self._path = QPainterPath()
        self.update()
        self.changed.emit()

    # --- input ---

    def _begin(self, at: QPointF) -> None:
        self._drawing = True
        self._path.moveTo(at)
        self._path.lineTo(at)  # a dot, should the pen lift at once (the dot of 「玉」)
        self.update()

    def _extend(self, at: QPointF) -> None:
        if self._drawing:
            self._path.lineTo(at)
            self.update()

    def _end(self, at: QPointF) -> None:
        if self._drawing:
            self._path.lineTo(at)
            self._drawing = False
            self.update()
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # handled: no mouse event is made from it as well

    # --- drawing ---

    def _pen(self, scale: float = 1.0) -> QPen:
        pen = QPen(QColor("#111111"), PEN_WIDTH * scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        baseline = self.height() - 36
        painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        painter.drawText(24, baseline + 20, tr("請在線上簽名", "Sign above the line"))
        painter.setPen(self._pen())
        painter.drawPath(self._path)
        painter.end()

    def image(self) -> QImage:
        """The strokes alone, cropped to them, on a transparent background (a null image when empty)."""
        if self.is_empty():
            return QImage()
        bounds = self._path.boundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        size = (bounds.size() * IMAGE_SCALE).toSize()
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(IMAGE_SCALE, IMAGE_SCALE)
        painter.translate(-bounds.topLeft())
        painter.setPen(self._pen())
        painter.drawPath(self._path)
        painter.end()
        return image

    def save_png(self, path: Path) -> bool:
        """Write the signature to `path` (a .png: the suffix names the format); False when there is none or it
        could not be written."""
        image = self.image()
        return not image.isNull() and image.save(str(path))

    def stroke_bounds(self) -> QRectF:
        return self._path.boundingRect()


class SignatureDialog(QDialog):
    """「個案（簽名）」: sign, clear and sign again, accept; the PNG is written to `target` on 確定."""

    def __init__(self, label: str, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setWindowTitle(label)
        self.pad = SignaturePad()
        heading = QLabel(
            tr(
                f"{label}：請以滑鼠、手指或觸控筆簽名。簽名只用於這次列印，關閉預覽後即刪除。",
                f"{label}: sign with a mouse, finger or pen. The signature is used for this printout only and "
                "is deleted when the preview closes.",
            )
        )
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("確定", "Accept"))
        self.ok.setEnabled(False)
        clear = QPushButton(tr("清除重簽", "Clear"))
        buttons.addButton(clear, QDialogButtonBox.ButtonRole.ResetRole)
        clear.clicked.connect(self.pad.clear)
        self.pad.changed.connect(lambda: self.ok.setEnabled(not self.pad.is_empty()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.pad, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.pad.save_png(self.target):
            super().accept()
