"""What the speaker index and the console show (issue 13): one role per meaning, with
the sources of every spelling of it; CoreNLP's start-up command line in the log file."""

from __future__ import annotations

import logging


from quotes.store import Store
from quotes.text import role_key
from tests.factories import article


def test_spelling_variants_of_a_role_share_a_key():
    british = "a former Baidu executive specialising in China's high-tech industries"
    american = "a former Baidu executive specializing in China\u2019s high-tech industries"
    assert role_key(british) == role_key(american)
    assert role_key("Head of the Organisation.") == role_key("head of the  organization")
    assert role_key("energy analyst") != role_key("energy analysts' head")
    assert role_key("US President") != role_key("US Vice President")


def test_near_identical_roles_are_shown_once_with_their_sources(tmp_path):
    british = "a former Baidu executive specialising in China's high-tech industries"
    american = "a former Baidu executive specializing in China\u2019s high-tech industries"
    with Store(tmp_path / "r.db") as store:
        store.ingest(
            article(
                'Li Wei said "We build it here."',
                [("We build it here.", "Li Wei")],
                [("Li Wei", "person", [british])],
                source="a.txt",
                outlet="Outlet A",
            )
        )
        store.ingest(
            article(
                'Li Wei said "We ship it there."',
                [("We ship it there.", "Li Wei")],
                [("Li Wei", "person", [american, "CEO of Acme"])],
                source="b.txt",
                outlet="Outlet B",
            )
        )
        speaker = store.find_speaker("Li Wei")
        assert speaker.roles == [british, "CEO of Acme"]
        assert speaker.role_sources == {british: ["Outlet A", "Outlet B"], "CEO of Acme": ["Outlet B"]}
        stored = {r[0] for r in store.conn.execute("SELECT role FROM speaker_roles")}
        assert stored == {british, american, "CEO of Acme"}, "every spelling stays in the index"


def test_corenlp_start_command_goes_to_the_log_file_not_the_console(tmp_path, monkeypatch, caplog):
    """The real CoreNLP.start, with stanza's client replaced by one that logs what
    stanza's does at start-up (no Java needed)."""
    import stanza.server

    from quotes.nlp import server

    class FakeClient:
        def __init__(self, **kwargs):
            self.kwargs = kwargs
            self.start_cmd = ["java", "-Xmx5G", "-cp", "/x", "edu.stanford.nlp.Server"]

        def start(self):
            logging.getLogger("stanza").info("Starting server with command: java -Xmx5G -cp /x edu.stanford.nlp.Server")

        def ensure_alive(self):
            pass

        def stop(self):
            pass

    monkeypatch.setenv("QUOTES_LOG_DIR", str(tmp_path))
    monkeypatch.setattr(stanza.server, "CoreNLPClient", FakeClient)
    monkeypatch.setattr(server.CoreNLP, "check_installation", lambda self: None)
    caplog.set_level(logging.INFO, logger="stanza")
    nlp = server.CoreNLP(threads=1)
    nlp.start()
    log_path = nlp.log_path
    nlp.stop()
    # what stanza's console handler (and any other handler) would have been given
    assert not [r for r in caplog.records if "Starting server with command" in r.getMessage()]
    assert "Starting server with command: java" in log_path.read_text()
    logging.getLogger("stanza").warning("a later stanza warning")
    assert "a later stanza warning" in caplog.text, "stanza's other messages are untouched"
