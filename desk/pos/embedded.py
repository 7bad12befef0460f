"""The POS service inside the desktop program, for a hotel with one desk and no server.

The same application as ``desk serve``, on a background thread of the workstation's process,
on the workstation's own database. Started at sign-in when the hotel's setting says so, stopped
at exit.
"""

from __future__ import annotations

import logging
import threading
import time

from desk.db.engine import Database

logger = logging.getLogger(__name__)


class EmbeddedService:
    def __init__(self, database: Database, host: str, port: int, tls: dict[str, str] | None = None) -> None:
        import uvicorn

        from desk.pos.api import Guard, create_app

        self.host, self.port = host, port
        self.tls = tls or {}
        app = create_app(database)
        self._service = app.state.service
        self._server = uvicorn.Server(uvicorn.Config(Guard(app), host=host, port=port, log_level="warning",
                                                     access_log=False, lifespan="off",
                                                     ssl_certfile=self.tls.get("ssl_certfile"),
                                                     ssl_keyfile=self.tls.get("ssl_keyfile")))
        # uvicorn installs signal handlers only on the main thread; ours stays the GUI's.
        self._thread = threading.Thread(target=self._serve, name="pos-service", daemon=True)

    def _serve(self) -> None:
        try:
            self._server.run()
        except (OSError, SystemExit) as exc:  # uvicorn exits when it cannot bind: the desk keeps running
            logger.warning("the POS service stopped: %s", exc)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.host}:{self.port}"

    def start(self, wait_s: float = 10.0) -> bool:
        """Start serving; whether it listens (False: the port is taken, say by ``desk serve``)."""
        self._thread.start()
        deadline = time.monotonic() + wait_s
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                logger.warning("the POS service could not start on %s", self.url)
                return False
            time.sleep(0.02)
        logger.info("POS service running in this program on %s", self.url)
        return True

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._service.close()


def start_if_configured(database: Database, host: str | None = None, port: int | None = None) -> EmbeddedService | None:
    """The running service if the hotel runs it inside the desk (setting ``run_in_desk``), else None."""
    import os

    from desk.db.runner import Runner
    from desk.pos.checks import runs_in_desk
    from desk.pos.service import DEFAULT_PORT, ENV_HOST, ENV_PORT, ENV_TLS_CERT, ENV_TLS_KEY, TlsFiles, tls_options

    if not Runner(database).read(runs_in_desk):
        return None
    try:
        # The same files as desk serve's: a one-desk hotel's tills cross the LAN just the same.
        tls = tls_options(os.environ.get(ENV_TLS_CERT), os.environ.get(ENV_TLS_KEY))
    except TlsFiles as exc:
        logger.warning("the POS service was not started: %s", exc)  # never in clear instead of HTTPS
        return None
    service = EmbeddedService(database, host or os.environ.get(ENV_HOST, "127.0.0.1"),
                              port or int(os.environ.get(ENV_PORT, DEFAULT_PORT)), tls)
    return service if service.start() else None
