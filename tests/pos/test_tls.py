"""`desk serve` over HTTPS with the certificate and key files it is given: keys and guests' names cross the LAN."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desk.db.runner import Runner
from desk.pos.checks import SETTING_RUN_IN_DESK, set_setting
from desk.pos.embedded import start_if_configured
from desk.pos.keys import create_key
from desk.pos.service import ENV_TLS_CERT, ENV_TLS_KEY, TlsFiles, tls_options
from tests.desk.conftest import make_hotel
from tests.helpers import free_port

from .conftest import ADMIN, Pos
from .test_processes import ROOT, _wait_up


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by its own key, made here for the test."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "desk-pos-test")])
    now = dt.datetime.now(dt.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
                   .not_valid_after(now + dt.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                                  critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "pos.crt", folder / "pos.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    return cert_file, key_file


def test_desk_serve_serves_https_with_the_configured_certificate(tmp_path: Path):
    url = f"sqlite:///{tmp_path}/hotel.sqlite3"
    hotel = make_hotel(url)
    hotel.stay()
    key = Runner(hotel.database).run(create_key, ADMIN, "till-1", "REST").value
    cert_file, key_file = self_signed(tmp_path)
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), DESK_POS_TLS_CERT=str(cert_file), DESK_POS_TLS_KEY=str(key_file))
    server = subprocess.Popen([sys.executable, "-m", "desk", "--database", url, "serve", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    trust = ssl.create_default_context(cafile=str(cert_file))
    try:
        _wait_up(f"https://127.0.0.1:{port}", server, verify=trust)
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=trust, timeout=30) as client:
            found = client.get("/api/v1/rooms/101/guests", headers={"Authorization": f"Bearer {key}"})
            assert found.status_code == 200 and found.json()["guests"][0]["name"] == "Guest0 Test"
        with pytest.raises(httpx.TransportError):  # plain HTTP is not served on that port
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert f"POS service on https://127.0.0.1:{port}" in log
    hotel.database.dispose()


def test_files_that_cannot_serve_https_are_said_before_the_service_starts(tmp_path: Path):
    cert_file, key_file = self_signed(tmp_path)
    assert tls_options(None, None) == {}
    assert tls_options(str(cert_file), str(key_file)) == {"ssl_certfile": str(cert_file), "ssl_keyfile": str(key_file)}
    with pytest.raises(TlsFiles, match="both"):
        tls_options(str(cert_file), None)
    with pytest.raises(TlsFiles, match="cannot be used"):
        tls_options(str(cert_file), str(tmp_path / "missing.key"))
    with pytest.raises(TlsFiles, match="cannot be used"):
        tls_options(str(key_file), str(cert_file))


def test_the_service_inside_the_desk_serves_https_with_the_same_files(sqlite_pos: Pos, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):
    database = sqlite_pos.hotel.database
    Runner(database).run(set_setting, ADMIN, SETTING_RUN_IN_DESK, "on")
    cert_file, key_file = self_signed(tmp_path)
    monkeypatch.setenv(ENV_TLS_CERT, str(cert_file))
    monkeypatch.setenv(ENV_TLS_KEY, str(tmp_path / "missing.key"))
    assert start_if_configured(database, "127.0.0.1", free_port()) is None  # never in clear instead
    monkeypatch.setenv(ENV_TLS_KEY, str(key_file))
    service = start_if_configured(database, "127.0.0.1", free_port())
    assert service is not None and service.url.startswith("https://")
    try:
        trust = ssl.create_default_context(cafile=str(cert_file))
        answer = httpx.get(f"{service.url}/api/v1/rooms/999/guests", verify=trust, timeout=10,
                           headers={"Authorization": f"Bearer {sqlite_pos.key}"})
        assert answer.json()["error"] == "room_unknown"
    finally:
        service.stop()
