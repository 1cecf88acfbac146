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
    place_pins: dict[str, object] = field(default_factory=dict)     # name -> GeoNames id or {lat, lon, country}
    ignore: list[str] = field(default_factory=list)                 # names whose facts are dropped
    reporting_verbs: list[str] = field(default_factory=list)        # extra verbs of attribution
    weapons: dict[str, list[str]] = field(default_factory=dict)     # weapon class -> extra words
    max_extract_mb: float = 5.0     # larger files are published without facts (a dump, not an article)
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
        place_pins=_pins(data.get("pins"), path),
        ignore=_strings(data.get("ignore"), path, "ignore"),
        reporting_verbs=_strings((data.get("vocabulary") or {}).get("reporting_verbs"), path,
                                 "vocabulary.reporting_verbs"),
        weapons=_weapons((data.get("vocabulary") or {}).get("weapons"), path),
        max_extract_mb=_positive(data.get("max_extract_mb", Config.max_extract_mb), path, "max_extract_mb"),
        strict=bool(data.get("strict", False)),
    )


def normalise_base_url(value, where: str) -> str:
    """"" or an http(s) address ending in exactly one slash."""
    url = str(value or "").strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{where} must start with http:// or https:// (got {url!r})")
    return url.rstrip("/") + "/" if url else ""


def _positive(value, path: Path, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"{path}: {key} must be a positive number (got {value!r})")
    return float(value)


def _strings(value, path: Path, key: str) -> list[str]:
    if not value:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{path}: {key} must be a list of names")
    return [str(v) for v in value]


def _pins(value, path: Path) -> dict[str, object]:
    """pins: {Name: GEONAMES_ID} or {Name: {lat: .., lon: .., country: XX}}."""
    if not value:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: pins must map a place name to a GeoNames id or to lat/lon")
    pins = {}
    for name, pin in value.items():
        if isinstance(pin, int) or (isinstance(pin, dict) and isinstance(pin.get("lat"), (int, float))
                                    and isinstance(pin.get("lon"), (int, float))):
            pins[str(name)] = pin
        else:
            raise ConfigError(f"{path}: pins.{name} must be a GeoNames id or {{lat: .., lon: .., country: ..}}")
    return pins


def _weapons(value, path: Path) -> dict[str, list[str]]:
    classes = ("missile", "rocket", "drone", "airstrike", "artillery")
    if not value:
        return {}
    if not isinstance(value, dict) or any(k not in classes or not isinstance(v, list) for k, v in value.items()):
        raise ConfigError(f"{path}: vocabulary.weapons maps a class ({', '.join(classes)}) to a list of words")
    return {k: [str(w) for w in v] for k, v in value.items()}


def _aliases(value, path: Path, key: str) -> dict[str, str]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: aliases.{key} must map a variant to its canonical name")
    return {str(k): str(v) for k, v in value.items()}
