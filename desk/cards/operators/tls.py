"""The TLS context our own operator clients (Saferpay, Converge) verify the operator's certificate with."""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def verifying_context() -> ssl.SSLContext:
    """One per process: building one reads the whole CA bundle, a tenth of a second each time."""
    return httpx.create_ssl_context()
