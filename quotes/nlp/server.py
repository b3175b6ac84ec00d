"""One CoreNLP server per process, driven through ``stanza.server.CoreNLPClient``.

The server loads every model before it answers (1-2 minutes on 2 cores), so it is started
once, lazily, and reused; it is stopped when the process exits. A document that kills or
times out the server gets one restart and one retry; a second failure is an
``AnnotationError`` naming the document.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import socket
import sys
import threading
import time
from pathlib import Path

from quotes.models import Document
from quotes.nlp.convert import document_from_chunks
from quotes.nlp.profiles import BASELINE_PROFILE, CORENLP_VERSION, PROFILES, Profile, profile
from quotes.text import paragraph_spans

try:  # only for isinstance checks; stanza is imported lazily otherwise (it pulls in torch)
    from stanza.server.client import TimeoutException
except ImportError:  # pragma: no cover - stanza is a hard dependency
    TimeoutException = TimeoutError  # type: ignore[misc,assignment]

log = logging.getLogger(__name__)

# The pipeline every annotation was cached under before profiles existed (all annotators,
# CoreNLP's quotes included): recorded answers are made with it, since every other profile
# can be derived from its Documents (quotes.nlp.profiles).
PIPELINE_PROPERTIES: dict[str, str] = PROFILES[BASELINE_PROFILE].properties
PIPELINE_VERSION = PROFILES[BASELINE_PROFILE].version

GUARD = Path(__file__).with_name("guard.py")

# CoreNLP rejects longer texts; we also keep chunks small enough that statistical coref
# (super-linear in mentions) answers well inside the request timeout.
CHUNK_CHARS = 40_000
# A "paragraph" longer than this (no newlines: a scraped wall of text, or no punctuation at all)
# is cut at whitespace so that no sentence can grow without bound.
MAX_PIECE_CHARS = 8_000


class CoreNLPMissing(RuntimeError):
    """CoreNLP jars or java are not where they should be: run setup/install.sh."""


class AnnotationError(RuntimeError):
    """CoreNLP failed on one document twice (with a server restart in between)."""


def corenlp_home() -> Path:
    """Where setup/install.sh put the jars: $QUOTES_CORENLP_HOME or ~/.cache/quotes/corenlp."""
    if os.environ.get("QUOTES_CORENLP_HOME"):
        return Path(os.environ["QUOTES_CORENLP_HOME"]).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "quotes" / "corenlp"


class _ToFile(logging.Filter):
    """Sends a logger's records to an open binary file instead of its handlers."""

    def __init__(self, stream) -> None:
        super().__init__()
        self.stream = stream

    def filter(self, record: logging.LogRecord) -> bool:
        self.stream.write(f"[stanza] {record.getMessage()}\n".encode("utf-8", "replace"))
        self.stream.flush()
        return False


@contextlib.contextmanager
def _stanza_log_to(stream):
    """While starting the server, stanza's own log lines ("Starting server with command:
    java ...") go to the CoreNLP log file; stanza's console handler never sees them."""
    logger = logging.getLogger("stanza")
    diverted = _ToFile(stream)
    logger.addFilter(diverted)
    try:
        yield
    finally:
        logger.removeFilter(diverted)


def log_dir() -> Path:
    path = Path(os.environ.get("QUOTES_LOG_DIR") or corenlp_home().parent / "logs")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("localhost", 0))
        return sock.getsockname()[1]


def split_into_chunks(text: str, limit: int = CHUNK_CHARS, piece: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut a text into (start, end) chunks of at most ``limit`` characters, on paragraph
    boundaries, and cut over-long paragraphs at whitespace (or hard, if there is none).

    Chunks cover every paragraph; the text between chunks is only newlines and spaces.
    """
    pieces: list[tuple[int, int]] = []
    for start, end in paragraph_spans(text):
        while end - start > piece:
            cut = text.rfind(" ", start + piece // 2, start + piece)
            cut = cut if cut > start else start + piece
            pieces.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            pieces.append((start, end))
    chunks: list[tuple[int, int]] = []
    for start, end in pieces:
        if chunks and end - chunks[-1][0] <= limit:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    return chunks


class CoreNLP:
    """A lazily started CoreNLP server with the pinned pipeline.

    >>> with CoreNLP() as nlp:                      # doctest: +SKIP
    ...     doc = nlp.annotate("Trump said: \\"Hello.\\"", name="example.txt")
    """

    START_TIMEOUT_S = 600  # model loading on a busy 2-core machine can pass 2 minutes
    REQUEST_TIMEOUT_MS = 240_000

    def __init__(self, threads: int = 2, memory: str | None = None, home: Path | None = None,
                 pipeline: str | Profile | None = BASELINE_PROFILE):
        self.profile = profile(pipeline)
        self.threads = threads
        # Java's heap: 6G by default (coref's need); QUOTES_CORENLP_MEMORY for a machine shared
        # with other servers (the fast profile runs in 3G)
        self.memory = memory or os.environ.get("QUOTES_CORENLP_MEMORY") or "6G"
        self.home = Path(home) if home else corenlp_home()
        self._client = None
        self._log_file = None
        self._lock = threading.Lock()
        self.starts = 0  # how many times a server was started (tests assert one per run)
        self.restarts = 0  # of those, restarts after the server died or timed out
        self.requests = 0

    # -- lifecycle --------------------------------------------------------------------
    def check_installation(self) -> None:
        jars = list(self.home.glob("stanford-corenlp-*-models.jar"))
        if not self.home.is_dir() or not jars:
            raise CoreNLPMissing(
                f"CoreNLP {CORENLP_VERSION} not found in {self.home}: run setup/install.sh "
                "(or set QUOTES_CORENLP_HOME to the folder holding the jars)"
            )
        import shutil

        if not shutil.which("java"):
            raise CoreNLPMissing("java not found on PATH: install a JDK 17 (apt install openjdk-17-jre-headless)")

    def start(self) -> None:
        if self._client is not None:
            return
        self.check_installation()
        from stanza.server import CoreNLPClient, StartServer

        props_path = self._write_properties()
        port = _free_port()
        log_path = log_dir() / f"corenlp-{os.getpid()}-{port}.log"
        self._log_file = open(log_path, "ab")
        log.info("starting CoreNLP on port %d (log: %s)", port, log_path)
        client = CoreNLPClient(
            start_server=StartServer.FORCE_START,
            endpoint=f"http://localhost:{port}",
            annotators=self.profile.properties["annotators"],
            properties=str(props_path),
            output_format="serialized",
            classpath=f"{self.home}/*",
            memory=self.memory,
            threads=self.threads,
            timeout=self.REQUEST_TIMEOUT_MS,
            max_char_length=CHUNK_CHARS + 1000,
            be_quiet=False,
            stdout=self._log_file,
            stderr=self._log_file,
        )
        client.CHECK_ALIVE_TIMEOUT = self.START_TIMEOUT_S
        # Java runs under a guard that ends it when this process dies, even by kill -9
        if client.start_cmd:
            client.start_cmd = [sys.executable, str(GUARD), *client.start_cmd]
        started = time.monotonic()
        with _stanza_log_to(self._log_file):  # stanza logs the java command line: the log file's, not the console's
            client.start()
        client.ensure_alive()
        self.starts += 1
        self._client = client
        self.log_path = log_path
        log.info("CoreNLP ready in %.1f s", time.monotonic() - started)
        atexit.register(self.stop)

    def _write_properties(self) -> Path:
        # The client would write a dict of properties into the current directory; we keep
        # our own file beside the logs instead.
        path = log_dir() / f"pipeline-{self.profile.version}.properties"
        if not path.exists():
            body = "".join(f"{key} = {value}\n" for key, value in self.profile.properties.items())
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(body, encoding="utf-8")
            tmp.replace(path)
        return path

    def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.stop()
            except Exception:  # the server may already be dead: that is why we stop it
                log.debug("stopping CoreNLP failed", exc_info=True)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def restart(self) -> None:
        self.stop()
        self.start()
        self.restarts += 1

    def __enter__(self) -> "CoreNLP":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- annotation -------------------------------------------------------------------
    def annotate(self, text: str, name: str = "<text>", chunk_chars: int = CHUNK_CHARS) -> Document:
        """Annotate ``text`` (any length) and convert it to the project's Document.

        Offsets in the result index ``text`` exactly, as given (BOM, CRLF and all).
        """
        return document_from_chunks(text, self.annotate_raw(text, name, chunk_chars), self.profile.version)

    def annotate_raw(self, text: str, name: str = "<text>", chunk_chars: int = CHUNK_CHARS) -> list[tuple[int, int, object]]:
        """The protobuf answers for each (start, end) chunk of ``text``, unconverted."""
        return [
            (start, end, self._annotate_chunk(text[start:end], name))
            for start, end in split_into_chunks(text, limit=chunk_chars)
        ]

    def _annotate_chunk(self, chunk: str, name: str):
        # Requests run concurrently (the server has `threads` workers); only starting and
        # restarting the server is serialised.
        with self._lock:
            self.start()
            exit_status = self._client.server.poll() if self._client.server is not None else None
            if exit_status is not None:
                # stanza's client would quietly start Java again; we say so and count it
                log.warning("CoreNLP had exited (status %s) before %s; restarting the server", exit_status, name)
                self.restart()
            client = self._client
        try:
            self.requests += 1
            return client.annotate(chunk)
        except Exception as first:
            if _answers(client) and not isinstance(first, TimeoutException):
                # The server answered with an error: the same text would fail again.
                raise AnnotationError(f"{name}: CoreNLP rejected the text ({first})") from first
            log.warning("CoreNLP died or timed out on %s (%s); restarting the server once", name, first)
            try:
                with self._lock:
                    if self._client is client:  # another thread may have restarted it already
                        self.restart()
                    client = self._client
                return client.annotate(chunk)
            except Exception as second:
                raise AnnotationError(
                    f"{name}: CoreNLP failed twice ({type(second).__name__}: {second}); "
                    f"see {getattr(self, 'log_path', 'the CoreNLP log')}"
                ) from second


def _answers(client) -> bool:
    """Whether the server is up and answering. stanza's ``is_alive`` raises, rather than
    saying no, when Java was killed and its port is closed before the process is reaped."""
    try:
        return bool(client.is_alive())
    except Exception:
        return False
