"""A report's chart on screen: the same stacked bars as its PDF (desk.reports.tables), painted."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desk.reports.charts import Chart
from desk.reports.tables import SERIES_COLOURS
from ui.i18n import format_amount


class ChartWidget(QWidget):
    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setMinimumHeight(240)

    def totals(self) -> list[Decimal]:
        """Each bar's height: what its category took, all series together."""
        return [sum((values[k] for _name, values in self.chart.series), Decimal(0))
                for k in range(len(self.chart.categories))]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        legend_width = max([metrics.horizontalAdvance(name) for name, _values in self.chart.series] or [0]) + 30
        left, top, bottom = 70, 12, self.height() - 24
        right = self.width() - legend_width - 12
        top_value = max([t for t in self.totals() if t > 0] or [Decimal(1)])
        painter.setPen(QColor("#888888"))
        painter.drawLine(left, bottom, right, bottom)
        painter.drawText(QRectF(0, top - 6, left - 6, 14), Qt.AlignmentFlag.AlignRight,
                         format_amount(top_value, 0))
        count = max(len(self.chart.categories), 1)
        slot = (right - left) / count
        for k, category in enumerate(self.chart.categories):
            x = left + k * slot + slot * 0.15
            base = float(bottom)
            for s, (_name, values) in enumerate(self.chart.series):
                if values[k] <= 0:
                    continue
                height = float(values[k] / top_value) * (bottom - top)  # a drawing's proportion, not money
                painter.fillRect(QRectF(x, base - height, slot * 0.7, height), QColor(SERIES_COLOURS[s % 8]))
                base -= height
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(x - 4, bottom + 4, slot * 0.7 + 8, 16), Qt.AlignmentFlag.AlignHCenter, category)
        for s, (name, _values) in enumerate(self.chart.series):
            y = top + s * 18
            painter.fillRect(QRectF(right + 12, y + 2, 12, 12), QColor(SERIES_COLOURS[s % 8]))
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(right + 30, y, legend_width, 16), Qt.AlignmentFlag.AlignLeft, name)
        painter.end()
