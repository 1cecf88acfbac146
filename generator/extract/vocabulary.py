"""Site-wide additions to the extractors' vocabulary (config.yaml `vocabulary:`).

An editor can teach the rules a reporting verb ("opined") or a weapon name ("Lancet") without
touching code. The additions are merged into the vocabulary tables when they are loaded, and
take part in the extraction cache key, so changing them re-extracts every article.
"""
from __future__ import annotations

import sys
from importlib import resources

import yaml

# libyaml's parser when PyYAML was built with it: the vocabulary files are read at the first
# extraction of every build, and the pure-Python parser took a third of a second for them.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

EXTRA: dict = {"reporting_verbs": (), "weapons": {}}


def configure(reporting_verbs=(), weapons=None) -> None:
    """Set the additions; when they change, forget every vocabulary table and pattern already
    built from the old ones (the lru_caches of the extract modules)."""
    new = {"reporting_verbs": tuple(sorted(set(reporting_verbs))),
           "weapons": {k: tuple(v) for k, v in sorted((weapons or {}).items())}}
    if new == EXTRA:
        return
    EXTRA.clear()
    EXTRA.update(new)
    for name, module in list(sys.modules.items()):
        if name.startswith("generator.extract.") and module is not None:
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)) and name != "generator.extract.places":
                    value.cache_clear()


def fingerprint() -> str:
    return repr(sorted(EXTRA.items()))


def load_table(name: str):
    """A vocabulary table shipped in generator/data/ (NAME.yaml), as plain data."""
    return yaml.load(resources.files("generator").joinpath(f"data/{name}.yaml").read_text("utf-8"), Loader=SAFE_LOADER)
