"""A TCP proxy in front of a real server whose connections a test can cut or whose answers it can
hold back: a replica that dies mid-answer, or one still busy when its client leaves, without
killing or loading the session's shared vLLM server (a fault injector like toxiproxy, not a
double: every byte comes from the real server)."""

from __future__ import annotations

import socket
import threading
from types import TracebackType
from urllib.parse import urlsplit


class CutProxy:
    def __init__(self, target_url: str) -> None:
        parts = urlsplit(target_url)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.path = parts.path
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._answers = threading.Event()  # set: the server's bytes go through
        self._answers.set()
        self._cut_at: int | None = None  # bytes of one connection's answer after which every connection is cut
        self.client_left = threading.Event()  # a client closed its side of a connection
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}{self.path}"

    def cut(self) -> None:
        """Drop every open connection, both ways, as a crashed server would."""
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)
            sock.close()

    def cut_after(self, answer_bytes: int) -> None:
        """Cut every connection as soon as one has passed ``answer_bytes`` of the server's answer: a
        replica that dies mid-answer at a point the test fixes. A cut at a moment the test picks races
        the reader's buffers: on a loaded machine the whole answer can already sit in them."""
        self._cut_at = answer_bytes

    def hold(self) -> None:
        """From now on keep what the server sends until `close`: a replica that has not answered yet
        (a busy CPU server, without the CPU it would take to be busy)."""
        self._answers.clear()

    def close(self) -> None:
        self._listener.close()
        self._answers.set()
        self.cut()

    def __enter__(self) -> CutProxy:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, upstream]
            threading.Thread(target=_pump, args=(client, upstream, self.client_left), daemon=True).start()
            threading.Thread(target=self._answer, args=(upstream, client), daemon=True).start()

    def _answer(self, upstream: socket.socket, client: socket.socket) -> None:
        """Copy the server's bytes to the client: each chunk waits while held; past the cut-off the
        rest of the chunk is dropped and every connection cut."""
        sent = 0
        try:
            while data := upstream.recv(65536):
                self._answers.wait()
                if self._cut_at is not None and sent + len(data) >= self._cut_at:
                    client.sendall(data[: self._cut_at - sent])
                    self.cut()
                    return
                client.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            _shut(upstream)
            _shut(client)


def _pump(source: socket.socket, sink: socket.socket, closed: threading.Event) -> None:
    """Copy ``source`` to ``sink`` until either side closes; ``closed`` is set when ``source`` itself closed."""
    try:
        while data := source.recv(65536):
            sink.sendall(data)
        closed.set()
    except OSError:
        pass
    finally:
        _shut(source)
        _shut(sink)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed
