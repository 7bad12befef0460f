"""The fiscal samples in docs/receipts/ are made by their script from a fresh checkout, for each language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs" / "receipts" / "make_fiscal_samples.py"
KINDS = ("shift-open", "cash-in", "cash-out", "sale", "card-sale", "refund", "copy", "x-report", "z-report")


def test_the_sample_script_prints_every_document_in_bulgarian_and_russian(tmp_path: Path):
    # Run as the README says, from elsewhere and without PYTHONPATH: the script finds the code itself.
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    for language, copy, by_method in (("bg", "КОПИЕ", "ПЛАЩАНИЯ ПО ВИД"), ("ru", "КОПИЯ", "ОПЛАТЫ ПО ВИДАМ")):
        for kind in KINDS:
            assert (tmp_path / f"fiscal-{kind}-80mm-{language}.png").stat().st_size > 0
        assert copy in (tmp_path / f"fiscal-copy-80mm-{language}.txt").read_text(encoding="utf-8")
        z = (tmp_path / f"fiscal-z-report-80mm-{language}.txt").read_text(encoding="utf-8")
        assert by_method in z and "50,00 EUR" in z and "300,00 EUR" in z and "1 234,50 EUR" in z, z
        # The minibar struck off and refunded: its refund receipt carries the minibar's 20% VAT only.
        refund = (tmp_path / f"fiscal-refund-80mm-{language}.txt").read_text(encoding="utf-8")
        assert " 20% (12,50 EUR)" in refund and " 9%" not in refund, refund
