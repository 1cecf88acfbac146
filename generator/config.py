"""config.yaml -> a typed Config with defaults."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


# Templates and the stylesheet sit beside the package, where the design card puts them.
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class ConfigError(Exception):
    pass


@dataclass
class Config:
    title: str = "Fact sheets"
    description: str = ""
    seeds: Path = Path("seeds")
    out: Path = Path("site")
    base_url: str = ""
    language: str = "en"
    speaker_aliases: dict[str, str] = field(default_factory=dict)
    place_aliases: dict[str, str] = field(default_factory=dict)
    strict: bool = False


def load_config(path: Path | None) -> Config:
    """Read config.yaml; a missing default file gives the defaults, a broken one an error."""
    if path is None:
        path = Path("config.yaml")
        if not path.exists():
            return Config()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as e:
        raise ConfigError(f"{path}: cannot be read: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping of `key: value` settings")
    base = path.parent
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise ConfigError(f"{path}: `aliases` must be a mapping with `speakers` and `places`")
    return Config(
        title=str(data.get("title") or Config.title),
        description=str(data.get("description") or ""),
        seeds=base / str(data.get("seeds") or "seeds"),
        out=base / str(data.get("out") or "site"),
        base_url=normalise_base_url(data.get("base_url"), f"{path}: base_url"),
        language=str(data.get("language") or "en"),
        speaker_aliases=_aliases(aliases.get("speakers"), path, "speakers"),
        place_aliases=_aliases(aliases.get("places"), path, "places"),
        strict=bool(data.get("strict", False)),
    )


def normalise_base_url(value, where: str) -> str:
    """"" or an http(s) address ending in exactly one slash."""
    url = str(value or "").strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{where} must start with http:// or https:// (got {url!r})")
    return url.rstrip("/") + "/" if url else ""


def _aliases(value, path: Path, key: str) -> dict[str, str]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: aliases.{key} must map a variant to its canonical name")
    return {str(k): str(v) for k, v in value.items()}
