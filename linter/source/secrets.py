"""Credentials in what the linter reads: configuration keys that name one (rules/secrets.yaml),
values that are one, and the user names, passwords and credential query parameters of URLs.

What is found here is dropped before anything else sees it, so it can never be printed and never
be evidence: a password containing "Sheriff" decides nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flake8_azure_face_policy.ruledata import data_file

_WORD_SPLIT = re.compile(r"[^a-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# scheme://authority[/path][?query][#fragment], up to the first character no URL holds
_URL = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s'\"<>`\\]+")
_AUTHORITY_END = re.compile(r"[/?#]")


@dataclass(frozen=True)
class SecretVocabulary:
    words: frozenset[str]
    joined: tuple[str, ...]
    query_parameters: frozenset[str]
    value_markers: re.Pattern[str]

    def is_secret_key(self, key: str) -> bool:
        """`DB_PASS`, `pw`, `SECRETKEY`, `clientSecret`, `Sentry.Dsn`: the key names a credential."""
        words = _WORD_SPLIT.split(_CAMEL.sub("_", key).lower())
        if any(word in self.words for word in words):
            return True
        joined = "".join(words)
        return any(compound in joined for compound in self.joined)

    def is_secret_value(self, value: str) -> bool:
        return bool(self.value_markers.search(value))

    def without_credentials(self, text: str) -> str:
        """`text` with every URL's user name and password and its credential query parameters removed."""
        if "://" not in text:
            return text
        return _URL.sub(lambda match: self._clean_url(match.group(0)), text)

    def _clean_url(self, url: str) -> str:
        scheme, rest = url.split("://", 1)
        end = _AUTHORITY_END.search(rest)
        authority, tail = (rest[: end.start()], rest[end.start() :]) if end else (rest, "")
        authority = authority.rpartition("@")[2]
        path, question, query = tail.partition("?")
        if question:
            query, hash_mark, fragment = query.partition("#")
            kept = [part for part in re.split("[&;]", query) if part and not self._is_credential_parameter(part.partition("=")[0])]
            tail = path + ("?" + "&".join(kept) if kept else "") + hash_mark + fragment
        return f"{scheme}://{authority}{tail}"

    def _is_credential_parameter(self, name: str) -> bool:
        return name.lower() in self.query_parameters or self.is_secret_key(name)


@lru_cache(maxsize=None)
def load_secret_vocabulary() -> SecretVocabulary:
    data = data_file("secrets.yaml")
    return SecretVocabulary(
        words=frozenset(word.lower() for word in data["words"]),
        joined=tuple(word.lower() for word in data["joined"]),
        query_parameters=frozenset(name.lower() for name in data["query_parameters"]),
        value_markers=re.compile("|".join(re.escape(marker) for marker in data["value_markers"]), re.IGNORECASE),
    )


def is_secret_key(key: str) -> bool:
    return load_secret_vocabulary().is_secret_key(key)


def without_credentials(text: str) -> str:
    return load_secret_vocabulary().without_credentials(text)
