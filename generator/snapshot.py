"""The index of the last full build, kept in the cache folder for the builds after it.

An edit that keeps every article's structure (sheets.structure_digest: titles, dates, and the
ids, dates and entities of the facts) leaves the index as it was: the same entities with the
same ids, the same events and months. Such a build starts from this snapshot and puts the
edited articles' new fact sheets in place of the old ones, instead of loading every fact sheet
from the cache and indexing them all again (a second of each edit at 10,000 articles).

Anything else (an article added, removed or restructured, another code or configuration, a
missing or damaged snapshot) is a full build, which writes a new snapshot. Builds that start
from it do not write it again: the articles they patched are still told apart from it at the
next build, by their input digests.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path

from .cache import cache_dir
from .index import SiteIndex
from .model import FactSheet

FORMAT = 1
STALE = 600     # s: a temporary file this old belongs to no running writer


@dataclass
class Snapshot:
    """What the snapshot was made from (a small file, read first) and, loaded only when an
    edit can start from it, the index itself (a big one)."""
    code: str                               # incremental.code_fingerprint of the build that made it
    # seed path -> [article id, input digest, structure digest]; id and structure are None for a
    # file that could not be read as an article (its reason is in the last build's report)
    inputs: dict[str, list]
    token: str                              # ties the two files together
    out: Path

    @staticmethod
    def paths(out: Path) -> tuple[Path, Path]:
        name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24]
        folder = cache_dir() / "builds"
        return folder / f"{name}.inputs.marshal", folder / f"{name}.index.pickle"

    @classmethod
    def open(cls, out: Path, code: str) -> Snapshot | None:
        try:
            data = marshal.loads(cls.paths(out)[0].read_bytes())
            if data["format"] == FORMAT and data["code"] == code:
                return cls(code, data["inputs"], data["token"], out)
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            pass        # missing, damaged or from another version: a full build
        return None

    @classmethod
    def save(cls, out: Path, code: str, index: SiteIndex, inputs: dict[str, list[str]]) -> None:
        table, big = cls.paths(out)
        token = hashlib.sha256(os.urandom(16)).hexdigest()
        _share_equal_parts(index)
        try:
            table.parent.mkdir(parents=True, exist_ok=True)
            for left in table.parent.glob(f"{big.name.split('.')[0]}.*.tmp"):   # by a writer killed half-way
                if time.time() - left.stat().st_mtime > STALE:
                    left.unlink()
            for path, data in ((big, pickle.dumps((token, index), protocol=pickle.HIGHEST_PROTOCOL)),
                               (table, marshal.dumps({"format": FORMAT, "code": code, "inputs": inputs,
                                                      "token": token}))):
                tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
        except OSError:
            pass        # no cache folder: the next edit is simply a full build

    @classmethod
    def save_later(cls, out: Path, code: str, index: SiteIndex, inputs: dict[str, list[str]]) -> None:
        """save() in a process of its own that outlives the build: pickling the index of 10,000
        articles takes a second and a half, which a full build made its user wait for. Forked,
        so that it has the index without copying it; forked twice, so that it is nobody's child
        to wait for. A build that starts before it is done finds the last snapshot, or none,
        and is a full build if that one does not fit."""
        if not hasattr(os, "fork"):
            cls.save(out, code, index, inputs)
            return
        child = os.fork()
        if child == 0:
            try:
                if os.fork() == 0:
                    try:
                        # Nothing of the build's own: whoever reads its output (a pipe) must not
                        # wait for this process to close it.
                        devnull = os.open(os.devnull, os.O_RDWR)
                        for fd in (0, 1, 2):
                            os.dup2(devnull, fd)
                        os.closerange(3, 65536)
                        cls.save(out, code, index, inputs)
                    finally:
                        os._exit(0)
            finally:
                os._exit(0)
        os.waitpid(child, 0)

    @classmethod
    def remove(cls, out: Path) -> None:
        """A build that leaves no snapshot of its own removes the last one, so that no later
        build starts from an index older than the site."""
        for path in cls.paths(out):
            try:
                path.unlink()
            except OSError:
                pass

    def ids(self) -> dict[str, str]:
        return {source: known[0] for source, known in self.inputs.items() if known[0] is not None}

    def edited(self, inputs: list, previous) -> list | None:
        """The inputs to read again: those changed since the snapshot or since the last build
        (`previous`: incremental.Manifest); the others get the results the last build reported.
        None when the seeds are not the files the snapshot was made from."""
        if {i.source for i in inputs} != self.inputs.keys():
            return None
        reported = {r["path"]: r for r in previous.report}     # seeds.InputResult, as dicts
        out = []
        for i in inputs:
            article_id, signature, _ = self.inputs[i.source]
            before = reported.get(i.source)
            if before is None:
                return None
            if article_id is None:      # a file that could not be read as an article
                if i.signature != signature or before["status"] != "skipped":
                    return None
                i.result.status, i.result.messages = before["status"], before["messages"]
                continue
            last = previous.articles.get(article_id)
            if last is None or before["status"] != "built":
                return None
            if i.signature != signature or i.signature != last[0]:
                out.append(i)
            else:
                i.result.article_id, i.result.messages = article_id, before["messages"]
                i.result.counts = tuple(before["counts"])
        return out

    def same_structure(self, edited: list, keys: dict[str, tuple]) -> bool:
        """Whether the inputs read again (sheets.extract_all's keys) have the address and the
        structure they had in the snapshot."""
        for i in edited:
            article_id, _, structure = self.inputs[i.source]
            if i.result.status != "built" or i.result.article_id != article_id or keys[article_id][3] != structure:
                return False
        return True

    def index_with(self, sheets: list[FactSheet]) -> SiteIndex | None:
        """The snapshot's index with these fact sheets in place of its own (same_structure);
        None when the index file is missing or not the one the table describes."""
        try:
            token, index = pickle.loads(self.paths(self.out)[1].read_bytes())
        except Exception:  # noqa: BLE001 - missing or damaged: a full build
            return None
        if token != self.token:
            return None
        position = {s.article.id: n for n, s in enumerate(index.sheets)}
        for new in sheets:
            n = position[new.article.id]
            old, index.sheets[n] = index.sheets[n], new
            _patch(index, old, new)
        return index

    def keys(self) -> dict[str, tuple]:
        """Per article, the digests a build keeps of it (sheets.extract_all's keys), as far as
        the snapshot knows them: its input and its structure."""
        return {article_id: (signature, None, None, structure, None)
                for article_id, signature, structure in self.inputs.values() if article_id is not None}


def _share_equal_parts(index: SiteIndex) -> None:
    """One object for equal speakers, places and parties, and for the empty lists of edits:
    thousands of facts name the same few, and every object is work when the snapshot is
    loaded (a fifth of it). Done on the index about to be pickled (the build is over): nothing
    changes these objects afterwards, and a fact sheet put in by an edit keeps its own."""
    shared: dict[tuple, object] = {}
    empty: list = []

    def one(part):
        return shared.setdefault((type(part), *vars(part).values()), part)
    for sheet in index.sheets:
        for fact in (*sheet.statements, *sheet.strikes, *sheet.pledges):
            if not fact.edited:
                fact.edited = empty
        for st in sheet.statements:
            st.speaker = one(st.speaker)
        for sk in sheet.strikes:
            sk.place = one(sk.place)
        for pl in sheet.pledges:
            pl.donor = one(pl.donor)
            if pl.recipient is not None:
                pl.recipient = one(pl.recipient)


def _patch(index: SiteIndex, old: FactSheet, new: FactSheet) -> None:
    """Put `new` where `old` was: in the facts lists of its entities and in its events. The
    same structure means the same facts in the same order; the index wrote its entity ids into
    the old facts, and writes them into the new ones the same way."""
    swap = {}
    for kind in ("statements", "strikes", "pledges"):
        for a, b in zip(getattr(old, kind), getattr(new, kind)):
            swap[id(a)] = b
    for a, b in zip(old.statements, new.statements):
        b.speaker.id = a.speaker.id
    for a, b in zip(old.strikes, new.strikes):
        b.place.id = a.place.id
    for a, b in zip(old.pledges, new.pledges):
        b.donor.id = a.donor.id
        if b.recipient is not None:
            b.recipient.id = a.recipient.id
    for entity, _ in index.entities_of.get(new.article.id, ()):
        for facts in (entity.statements, entity.strikes, entity.pledges_given, entity.pledges_received):
            for n, (sheet, fact) in enumerate(facts):
                if sheet is old:
                    facts[n] = (new, swap[id(fact)])
        for event in entity.events:
            for report in event.reports:
                if report.sheet is old:
                    report.sheet, report.strike = new, swap[id(report.strike)]
