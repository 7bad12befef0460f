"""The one byte encoding that chained records are signed or hashed over (the fiscal chain, the audit trail).

Sorted keys, no spaces, UTF-8 kept as it is: the same mapping always gives the same bytes, on any
machine and database, so a link computed again years later is compared byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def canonical(content: Mapping[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
