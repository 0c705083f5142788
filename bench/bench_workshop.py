"""Benchmark: a workshop room — N sessions open the Segments page of the sample at once, then each changes k.

Starts the real app (``python -m streamlit run app.py``) on 127.0.0.1 and talks to it the way a
browser does, over Streamlit's websocket protocol (``/_stcore/stream``, protobuf ``BackMsg`` up and
``ForwardMsg`` down): each session asks for the Segments page by its URL path, all at once on a
freshly started server, and waits until its script run has finished; then every session moves
its k slider once, all together. Each script run is bounded by ``--timeout``. It reports completed
runs, errors (exceptions shown on the page, failed or timed-out runs), the median and 95th
percentile of the run times, the server's peak memory (VmHWM) and its memory after the
participants have left and their sessions have expired.

Before the room arrives, one session opens the app's first page (the Data page), as the
facilitator's browser does after ``make run``; the room follows at once (the worst case: in a
workshop it comes minutes later). This is run twice, on fresh servers: without and with the
background preparation of the sample's Segments view (``ui/warmup.py``). Baseline, measured in
the same run: one session alone on a server of its own, nothing prepared.

Run: ``.venv/bin/python bench/bench_workshop.py [--sessions 20] [--timeout 120]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
QUICK_ARGS = [
    "--sessions",
    "3",
    "--timeout",
    "120",
    "--rooms",
    "2",
]  # for bench/run.py --quick: every step runs, in seconds
PAGE = "segments"
K_WIDGET = "k_choice"
SESSION_TTL = 5  # seconds a left session is kept for a reconnect (Streamlit's default is 120)


@dataclass
class Server:
    """A running ``streamlit run app.py`` on 127.0.0.1."""

    process: subprocess.Popen
    port: int

    def memory(self, field_name: str = "VmRSS") -> float:
        """The server process's ``field_name`` of ``/proc/PID/status`` in MB (VmRSS now, VmHWM its peak)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no {field_name} for process {self.process.pid}")

    def stop(self) -> None:
        """Stop the server (by its own process id)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(*, prepare: bool = True) -> Server:
    """Start the app on a free port and wait until its health check answers.

    ``prepare=False`` turns off the background preparation of the sample's Segments view
    (``SEGMENTTI_PREPARE_SAMPLE=0``, see ``ui/warmup.py``).
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        "--server.disconnectedSessionTTL",
        str(SESSION_TTL),
    ]
    environment = {**os.environ, "SEGMENTTI_PREPARE_SAMPLE": "1" if prepare else "0"}
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(process, port)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise SystemExit("error: the app did not start within 60 s")


def xsrf_cookie(port: int) -> str:
    """The ``_streamlit_xsrf`` cookie the health check sets (the websocket sends it back as a subprotocol)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=10) as answer:
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name.strip() == "_streamlit_xsrf":
                return rest.split(";", 1)[0]
    raise RuntimeError("the server set no _streamlit_xsrf cookie")


@dataclass
class Run:
    """What one script run of one session showed."""

    seconds: float
    finished: bool
    exceptions: list[str] = field(default_factory=list)
    k_widget: tuple[str, list[str]] | None = None
    metrics: list[str] = field(default_factory=list)


class Session:
    """One participant's browser tab: a websocket on which script runs are asked for and read."""

    def __init__(self, port: int, cookie: str) -> None:
        self.port, self.cookie = port, cookie
        self.socket = None

    async def open(self) -> None:
        self.socket = await connect(
            f"ws://127.0.0.1:{self.port}/_stcore/stream",
            subprotocols=["streamlit", self.cookie],
            additional_headers={"Cookie": f"_streamlit_xsrf={self.cookie}"},
            max_size=None,
            open_timeout=30,
        )

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def run(self, timeout: float, *, page: str = "", widgets: list | None = None) -> Run:
        """Ask for a script run of ``page`` (a URL path) with ``widgets`` changed; read it until it has finished."""
        message = BackMsg()
        message.rerun_script.page_name = page
        message.rerun_script.query_string = ""
        for widget in widgets or []:
            message.rerun_script.widget_states.widgets.append(widget)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        shown = Run(0.0, False)
        try:
            async with asyncio.timeout(timeout):
                while True:
                    received = ForwardMsg()
                    received.ParseFromString(await self.socket.recv())
                    kind = received.WhichOneof("type")
                    if kind == "delta":
                        _read_element(received, shown)
                    elif kind == "script_finished":
                        status = received.script_finished
                        if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                            shown.finished = True
                            break
                        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                            shown.exceptions.append("compile error")
                            break
        except TimeoutError:
            shown.exceptions.append(f"no end within {timeout:.0f} s")
        shown.seconds = time.perf_counter() - started
        return shown


def _read_element(received: ForwardMsg, shown: Run) -> None:
    delta = received.delta
    if delta.WhichOneof("type") != "new_element":
        return
    element = delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        shown.exceptions.append(f"{element.exception.type}: {element.exception.message}")
    elif kind == "slider" and K_WIDGET in element.slider.id:
        shown.k_widget = (element.slider.id, list(element.slider.options))
    elif kind == "metric":
        shown.metrics.append(element.metric.body)


def k_change(shown: Run, position: int):
    """The widget state moving the k slider seen in ``shown`` to another option (chosen by ``position``)."""
    widget_id, options = shown.k_widget
    current = [option for option in options if option in shown.metrics]
    others = [index for index, option in enumerate(options) if option not in current]
    chosen = options[others[position % len(others)]]
    state = WidgetState(id=widget_id)
    state.string_array_value.data.append(chosen)  # a select slider's value is its option as shown
    return state, chosen


async def warm_up(port: int, timeout: float) -> Run:
    """The facilitator opens the app's first page (the Data page) as ``make run`` does: the server has started up."""
    facilitator = Session(port, xsrf_cookie(port))
    await facilitator.open()
    try:
        return await facilitator.run(timeout)
    finally:
        await facilitator.close()


async def room(port: int, sessions: int, timeout: float) -> tuple[list[Run], list[Run], list[str]]:
    """``sessions`` participants open the Segments page at once, then each changes k once, together."""
    cookie = xsrf_cookie(port)
    participants = [Session(port, cookie) for _ in range(sessions)]
    await asyncio.gather(*(participant.open() for participant in participants))
    problems: list[str] = []
    try:
        opened = await asyncio.gather(*(participant.run(timeout, page=PAGE) for participant in participants))
        changes = []
        for position, shown in enumerate(opened):
            if shown.k_widget is None:
                problems.append(f"session {position}: no k slider on the page")
                changes.append(None)
            else:
                changes.append(k_change(shown, position))
        changed = await asyncio.gather(
            *(
                participant.run(timeout, page=PAGE, widgets=[change[0]])
                for participant, change in zip(participants, changes, strict=True)
                if change is not None
            )
        )
        for shown, change in zip(changed, [change for change in changes if change is not None], strict=True):
            if shown.finished and change[1] not in shown.metrics:
                problems.append(f"k did not change to {change[1]}")
        return list(opened), list(changed), problems
    finally:
        await asyncio.gather(*(participant.close() for participant in participants))


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def summarize(label: str, runs: list[Run]) -> None:
    """One line: completed runs, errors, p50 and p95 of the run times."""
    done = [run.seconds for run in runs if run.finished and not run.exceptions]
    errors = [problem for run in runs for problem in run.exceptions]
    p50 = statistics.median(done) if done else float("nan")
    p95 = percentile(done, 0.95) if done else float("nan")
    print(f"{label}: completed {len(done)}/{len(runs)}, errors {len(errors)}, p50 {p50:.2f} s, p95 {p95:.2f} s")
    for problem in sorted(set(errors))[:5]:
        print(f"  error: {problem}")


def after_leaving(server: Server, cookie_port: int) -> float:
    """The server's memory once the participants' sessions have expired (a new visitor's health check ends them)."""
    time.sleep(SESSION_TTL + 2)
    xsrf_cookie(cookie_port)  # storage drops expired sessions when next touched
    asyncio.run(_touch(cookie_port))
    time.sleep(2)
    return server.memory()


async def _touch(port: int) -> None:
    visitor = Session(port, xsrf_cookie(port))
    await visitor.open()
    await visitor.close()


def run_room(label: str, sessions: int, timeout: float, *, prepare: bool) -> None:
    """A fresh server, the facilitator's first page, then a room of ``sessions`` and a second room after it."""
    server = start_server(prepare=prepare)
    try:
        asyncio.run(warm_up(server.port, timeout))
        idle = server.memory()
        started = time.perf_counter()
        opened, changed, problems = asyncio.run(room(server.port, sessions, timeout))
        wall = time.perf_counter() - started
        print(
            f"{label}: {sessions} sessions at once right after the facilitator (server at {idle:.0f} MB), {wall:.1f} s:"
        )
        summarize(f"  {sessions} open Segments together", opened)
        summarize(f"  {sessions} change k together", changed)
        for problem in problems[:5]:
            print(f"  problem: {problem}")
        print(f"  server peak memory {server.memory('VmHWM'):.0f} MB")
        again, _, problems = asyncio.run(room(server.port, sessions, timeout))
        summarize(f"  {sessions} more open Segments together, after the room before them", again)
        for problem in problems[:5]:
            print(f"  problem: {problem}")
        print(f"  server peak memory {server.memory('VmHWM'):.0f} MB")
        left = after_leaving(server, server.port)
        print(f"  server memory after the sessions left and expired: {left:.0f} MB (idle before: {idle:.0f} MB)")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one script run may take")
    parser.add_argument(
        "--rooms", type=int, default=0, help="then this many rooms in turn on one server: does its memory grow?"
    )
    args = parser.parse_args()
    os.chdir(ROOT)

    server = start_server(prepare=False)
    try:
        summarize(
            "facilitator opens the Data page on a fresh server", [asyncio.run(warm_up(server.port, args.timeout))]
        )
        idle = server.memory()
        alone, alone_changed, _ = asyncio.run(room(server.port, 1, args.timeout))
        print(f"baseline, one session alone, nothing prepared (server at {idle:.0f} MB before):")
        summarize("  opens Segments", alone)
        summarize("  changes k", alone_changed)
        print(f"  server peak memory {server.memory('VmHWM'):.0f} MB")
    finally:
        server.stop()
    run_room("without preparing the sample", args.sessions, args.timeout, prepare=False)
    run_room("with the sample's Segments view prepared in the background", args.sessions, args.timeout, prepare=True)
    if args.rooms:
        rooms_in_turn(args.rooms, args.sessions, args.timeout)


def rooms_in_turn(rooms: int, sessions: int, timeout: float) -> None:
    """``rooms`` rooms of ``sessions`` one after another on one server: its peak and its memory after each room left."""
    server = start_server(prepare=True)
    try:
        asyncio.run(warm_up(server.port, timeout))
        print(f"{rooms} rooms of {sessions} in turn on one server (idle {server.memory():.0f} MB):")
        asyncio.run(room(server.port, 1, timeout))
        left = after_leaving(server, server.port)
        print(f"  one visitor first (code loaded, the sample's shared results made): after it left {left:.0f} MB")
        for number in range(1, rooms + 1):
            asyncio.run(room(server.port, sessions, timeout))
            left = after_leaving(server, server.port)
            print(f"  room {number}: peak {server.memory('VmHWM'):.0f} MB, after it left {left:.0f} MB")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
