"""Form wording as data: resources/forms/<set>/{common,<form>}.toml, one set per legal version.

A new circular is a new folder plus a line in resources/forms/index.toml; no code changes. Each form
prints with the set in force on its document date (a reprint of a 2024 slip keeps the 2018 wording).
Templates use `{name}` placeholders and may carry ReportLab paragraph markup (<b>, <i>, <br/>);
values are NFC-normalised and XML-escaped when filled in.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from counter_app.paths import resource
from counter_app.printing.data import FormId
from counter_app.printing.textfmt import markup


class Markup(str):
    """A string that is already paragraph markup and must not be escaped again."""


class WordingError(LookupError):
    """A wording set, form or key is missing from resources/forms."""


@dataclass(frozen=True)
class WordingSet:
    id: str
    title: str
    effective_from: date
    directory: Path


@dataclass(frozen=True)
class FormWording:
    set: WordingSet
    form_id: FormId
    number: str  # "01" … as the circular numbers the form
    title: str
    texts: Mapping[str, str]
    common: Mapping[str, str]

    def raw(self, key: str) -> str:
        """The template for `key`, from the form file first, then common.toml."""
        if key in self.texts:
            return self.texts[key]
        if key in self.common:
            return self.common[key]
        raise WordingError(f"{self.set.directory.name}/{self.form_id}.toml has no text {key!r}")

    def fmt(self, key: str, **values: object) -> Markup:
        """The template filled with escaped values (Markup values are inserted as they are)."""
        safe = {k: v if isinstance(v, Markup) else markup(v) for k, v in values.items()}
        try:
            return Markup(self.raw(key).format_map(safe))
        except KeyError as exc:
            raise WordingError(f"text {key!r} of {self.form_id} needs a value for {exc}") from exc


def forms_root() -> Path:
    return resource("forms")


@lru_cache(maxsize=8)
def _sets(root: str) -> tuple[WordingSet, ...]:
    with open(Path(root) / "index.toml", "rb") as fh:
        index = tomllib.load(fh)
    sets = tuple(
        WordingSet(s["id"], s["title"], s["effective_from"], Path(root) / s["id"]) for s in index["sets"]
    )
    return tuple(sorted(sets, key=lambda s: s.effective_from, reverse=True))


def wording_sets() -> tuple[WordingSet, ...]:
    """Every wording set, newest first."""
    return _sets(str(forms_root()))


def set_in_force(on: date) -> WordingSet:
    for wording_set in wording_sets():
        if wording_set.effective_from <= on:
            return wording_set
    return wording_sets()[-1]


@lru_cache(maxsize=64)
def _load(directory: Path, form_id: FormId) -> tuple[dict, dict]:
    path = directory / f"{form_id}.toml"
    if not path.is_file():
        raise WordingError(f"wording set {directory.name} has no form {form_id}")
    with open(directory / "common.toml", "rb") as fh:
        common = tomllib.load(fh)
    with open(path, "rb") as fh:
        form = tomllib.load(fh)
    return common, form


def form_wording(form_id: FormId, on: date, set_id: str | None = None) -> FormWording:
    """The wording of `form_id` in force on `on`, or from the named set."""
    if set_id is None:
        wording_set = set_in_force(on)
    else:
        matches = [s for s in wording_sets() if s.id == set_id]
        if not matches:
            raise WordingError(f"unknown wording set {set_id!r}")
        wording_set = matches[0]
    common, form = _load(wording_set.directory, FormId(form_id))
    return FormWording(
        set=wording_set,
        form_id=FormId(form_id),
        number=form["number"],
        title=form["title"],
        texts=MappingProxyType(form.get("text", {})),
        common=MappingProxyType(common.get("text", {})),
    )


def available_forms(set_id: str) -> tuple[FormId, ...]:
    """The forms a wording set defines (TT 01/2018 has no stop notice)."""
    wording_set = next(s for s in wording_sets() if s.id == set_id)
    return tuple(f for f in FormId if (wording_set.directory / f"{f}.toml").is_file())
