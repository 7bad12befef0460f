"""Byte transports: they move bytes with a timeout on every call and know nothing of protocols."""

from hardware.transport.base import BaseTransport, Transport

__all__ = ["BaseTransport", "Transport"]
