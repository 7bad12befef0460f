#!/usr/bin/env python3
"""How long a test e-mail takes over STARTTLS and implicit TLS on loopback, and how soon Cancel
ends a send stuck on a server that never answers.

    .venv/bin/python bench/bench_mail.py              # 20 sends each way
    .venv/bin/python bench/bench_mail.py --runs 50

A real SMTP server (aiosmtpd) with a certificate from a CA made here (trustme), the client
trusting that CA as the hotel's own. Prints medians; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import socket
import ssl
import statistics
import sys
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk.mail import outbox as mail
from desk.mail.outbox import MailCancelled, MailConfig, send_message


class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def message() -> EmailMessage:
    mail_message = EmailMessage()
    mail_message["From"], mail_message["To"], mail_message["Subject"] = "a@hotel.example", "b@hotel.example", "x"
    mail_message.set_content("test")
    return mail_message


def time_sends(security: str, ca: trustme.CA, runs: int) -> list[float]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    port = free_port()
    kwargs = {"tls_context": context} if security == "starttls" else {"ssl_context": context}
    controller = Controller(Sink(), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    config = MailConfig("127.0.0.1", port, security, "", "a@hotel.example", ca.cert_pem.bytes().decode())
    try:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            send_message(config, message(), "")
            times.append(time.perf_counter() - start)
        return times
    finally:
        controller.stop()


def time_cancel(runs: int) -> list[float]:
    mail.SMTP_TIMEOUT = 600.0
    times = []
    for _ in range(runs):
        listener = socket.create_server(("127.0.0.1", 0))
        accepted = threading.Event()

        def silent(server: socket.socket = listener, seen: threading.Event = accepted) -> None:
            connection, _ = server.accept()
            seen.set()
            with connection:
                connection.recv(1)

        threading.Thread(target=silent, daemon=True).start()
        cancel = threading.Event()
        ended = threading.Event()
        config = MailConfig("127.0.0.1", listener.getsockname()[1], "none", "", "a@hotel.example")

        def send(stop: threading.Event = cancel, done: threading.Event = ended, cfg: MailConfig = config) -> None:
            try:
                send_message(cfg, message(), "", cancel=stop)
            except MailCancelled:
                done.set()

        threading.Thread(target=send, daemon=True).start()
        accepted.wait(10)
        start = time.perf_counter()
        cancel.set()
        ended.wait(30)
        times.append(time.perf_counter() - start)
        listener.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    ca = trustme.CA()
    for security in ("starttls", "tls"):
        times = time_sends(security, ca, args.runs)
        print(f"test e-mail over {security:8}: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms ({args.runs} sends)")
    times = time_cancel(max(3, args.runs // 4))
    print(f"Cancel to MailCancelled on a silent server: median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms ({len(times)} runs)")


if __name__ == "__main__":
    main()
