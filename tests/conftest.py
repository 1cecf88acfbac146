from pathlib import Path

import pytest

from generator.config import Config

# A small seeds folder written for the tests: two articles that share a speaker (spelled two
# ways), a place and a donor, so that entity pages gather facts across articles.
FIXTURE_ARTICLES = {
    "harbour.txt": (
        "date 2024-03-08 A missile strike on an apartment block in Odesa killed at least four people "
        "on Thursday, regional governor Oleh Kiper said.\n\n"
        "\"The enemy struck a residential area again,\" Kiper wrote on Telegram.\n\n"
        "Ukrainian President Volodymyr Zelenskiy said the attack showed that Ukraine needed more air "
        "defence systems.\n\n"
        "The United States pledged 12 Patriot interceptors to Ukraine on Friday, the Pentagon said.\n"
    ),
    "capital.md": (
        "---\ntitle: Berlin promises more air defence\ndate: 2024-03-10\nsource: Example Wire\n"
        "url: https://example.org/berlin\n---\n"
        "Germany will send three IRIS-T air defence systems to Ukraine, Chancellor Olaf Scholz said "
        "on Sunday.\n\n"
        "\"We will not let Odesa stand alone,\" Zelensky said in his nightly video address.\n\n"
        "Drones struck the port of Odesa overnight, injuring two people, the regional governor said.\n"
    ),
}


@pytest.fixture(autouse=True)
def snapshot_written_at_once(monkeypatch):
    """Builds write their index snapshot in a process of their own; tests wait for it, so that
    an edit always finds the snapshot of the build before it."""
    from generator.snapshot import Snapshot
    monkeypatch.setattr(Snapshot, "save_later", Snapshot.save)


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, text in FIXTURE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def config(tmp_path, seeds) -> Config:
    return Config(title="Test fact sheets", seeds=seeds, out=tmp_path / "site")
