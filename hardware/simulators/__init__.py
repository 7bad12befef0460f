"""Devices that speak their real protocols over TCP and a pty, for tests and demonstrations."""
