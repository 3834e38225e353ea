"""The whole pipeline runs with sockets blocked: no stage reaches for the network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from litopys.io.reader import read_file
from litopys.pipeline import extract

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class _NoNetwork(socket.socket):
    def connect(self, *args, **kwargs):  # noqa: ANN002, ANN003
        raise AssertionError(f"network access attempted: {args}")


def test_pipeline_runs_offline(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(socket, "socket", _NoNetwork)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(AssertionError("network")))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: (_ for _ in ()).throw(AssertionError("dns")))
    files = sorted(EXAMPLES.glob("*.txt"))
    assert files
    total = 0
    for f in files:
        doc = extract(read_file(f))
        total += len(doc.events)
    assert total > 0
