"""TCP and serial transports against a real socket and a real pty."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import tty

import pytest

from hardware.errors import DeviceBusy, DeviceNotFound, DeviceOffline, DeviceTimeout, DeviceUnplugged
from hardware.transport.serial import SerialTransport
from hardware.transport.tcp import TcpTransport


@pytest.fixture
def listener():
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(5)
    yield srv
    srv.close()


def _accept(srv: socket.socket) -> socket.socket:
    conn, _ = srv.accept()
    conn.settimeout(5)
    return conn


def test_tcp_round_trip_and_read_exact(listener):
    port = listener.getsockname()[1]
    with TcpTransport("127.0.0.1", port) as transport:
        peer = _accept(listener)
        transport.write(b"\x10\x04\x01", timeout=1)
        assert peer.recv(3) == b"\x10\x04\x01"
        peer.sendall(b"\x16")
        assert transport.read(10, timeout=1) == b"\x16"
        # Arrives in two pieces; read_exact puts them together.
        threading.Timer(0.05, lambda: peer.sendall(b"cd")).start()
        peer.sendall(b"ab")
        assert transport.read_exact(4, timeout=2) == b"abcd"
        peer.close()
    assert not transport.is_open


def test_tcp_read_times_out_with_nothing_lost(listener):
    port = listener.getsockname()[1]
    with TcpTransport("127.0.0.1", port) as transport:
        peer = _accept(listener)
        with pytest.raises(DeviceTimeout):
            transport.read(1, timeout=0.05)
        with pytest.raises(DeviceTimeout) as info:
            transport.read_exact(2, timeout=0.05)
        assert info.value.code == "device.timeout"
        peer.sendall(b"x")
        assert transport.read(1, timeout=1) == b"x"
        peer.close()


def test_tcp_write_times_out_when_the_peer_stops_reading(listener):
    port = listener.getsockname()[1]
    with TcpTransport("127.0.0.1", port) as transport:
        peer = _accept(listener)
        assert transport._sock is not None
        transport._sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
        peer.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        data = b"x" * 20_000_000
        with pytest.raises(DeviceTimeout) as info:
            transport.write(data, timeout=0.3)
        assert 0 < info.value.params["bytes_sent"] < len(data)
        peer.close()


def test_tcp_peer_gone_is_offline_and_reopen_works(listener):
    port = listener.getsockname()[1]
    transport = TcpTransport("127.0.0.1", port)
    transport.open()
    try:
        _accept(listener).close()
        with pytest.raises(DeviceOffline):
            transport.read(1, timeout=1)
        assert not transport.is_open
        transport.open()
        peer = _accept(listener)
        transport.write(b"again", timeout=1)
        assert peer.recv(5) == b"again"
        peer.close()
    finally:
        transport.close()


def test_tcp_refused_is_offline():
    srv = socket.create_server(("127.0.0.1", 0))
    port = srv.getsockname()[1]
    srv.close()
    with pytest.raises(DeviceOffline) as info:
        TcpTransport("127.0.0.1", port).open()
    assert "refused" in str(info.value)


def test_timeout_must_be_finite(listener):
    port = listener.getsockname()[1]
    with TcpTransport("127.0.0.1", port) as transport:
        for bad in (None, -1, float("inf")):
            with pytest.raises(ValueError):
                transport.write(b"x", timeout=bad)  # type: ignore[arg-type]


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    tty.setraw(master)
    path = os.ttyname(slave)
    yield master, path
    for fd in (master, slave):
        with contextlib.suppress(OSError):
            os.close(fd)


def test_serial_round_trip_on_a_pty(pty_pair):
    master, path = pty_pair
    with SerialTransport(path, 115200) as transport:
        transport.write(b"\x1b@hello", timeout=1)
        got = b""
        while len(got) < 7:
            got += os.read(master, 100)
        assert got == b"\x1b@hello"
        os.write(master, b"\x12")
        assert transport.read(5, timeout=1) == b"\x12"
        with pytest.raises(DeviceTimeout):
            transport.read(1, timeout=0.05)
        os.write(master, b"ab")
        assert transport.read_exact(2, timeout=1) == b"ab"


def test_serial_write_times_out_when_nobody_reads(pty_pair):
    _master, path = pty_pair
    with SerialTransport(path) as transport:
        data = b"y" * 2_000_000
        with pytest.raises(DeviceTimeout) as info:
            transport.write(data, timeout=0.3)
        assert 0 < info.value.params["bytes_sent"] < len(data)


def test_serial_unplug_raises(pty_pair):
    master, path = pty_pair
    transport = SerialTransport(path)
    transport.open()
    try:
        os.close(master)
        with pytest.raises(DeviceUnplugged):
            transport.read(1, timeout=0.2)
    finally:
        transport.close()


def test_serial_missing_port():
    with pytest.raises(DeviceNotFound):
        SerialTransport("/dev/does-not-exist-42").open()


def test_serial_port_held_exclusively(pty_pair):
    _master, path = pty_pair
    with SerialTransport(path):
        other = SerialTransport(path)
        with pytest.raises(DeviceBusy):
            other.open()
