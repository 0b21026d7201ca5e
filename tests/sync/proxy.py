"""A real TCP proxy between a laptop and the server that can lose the server's answer to a push.

It forwards every byte, except that for the first `drops` push requests it lets the request through, waits until
the server starts answering (so the server has applied and committed the push), and then closes the laptop's
connection without relaying a byte of the answer: the laptop cannot tell whether its edits arrived.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class DroppingProxy:
    def __init__(self, upstream_port: int, drops: int = 1) -> None:
        self.upstream_port = upstream_port
        self.drops = drops
        self.dropped = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._closing = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._closing = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            state = {"push": False}
            threading.Thread(target=self._requests, args=(client, upstream, state), daemon=True).start()
            threading.Thread(target=self._answers, args=(upstream, client, state), daemon=True).start()

    def _requests(self, client: socket.socket, upstream: socket.socket, state: dict[str, bool]) -> None:
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                if b"POST /api/v1/sync/push " in data:
                    state["push"] = True
                upstream.sendall(data)
        _close(client, upstream)

    def _answers(self, upstream: socket.socket, client: socket.socket, state: dict[str, bool]) -> None:
        with contextlib.suppress(OSError):
            while data := upstream.recv(65536):
                if state["push"]:
                    state["push"] = False
                    with self._lock:
                        drop = self.dropped < self.drops
                        self.dropped += drop
                    if drop:
                        break
                client.sendall(data)
        _close(client, upstream)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            sock.close()
