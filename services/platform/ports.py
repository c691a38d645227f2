"""A free loopback port: for a server the CLI, the demo, the eval harness or a test starts, or
(since nothing listens on it once released) an address whose connections are refused."""

from __future__ import annotations

import socket


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
