"""Printable documents: bills and folios as PDF."""

from desk.reports.pdf import render_bill_pdf, render_folio_pdf

__all__ = ["render_bill_pdf", "render_folio_pdf"]
