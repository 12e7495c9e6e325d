"""jusText with the English stoplist (its common default), or language-aware.

The language-aware variant picks the stoplist from the page's ``<html lang>``
(HTML mode) or from langdetect on the render (text modes, if installed), and
falls back to English; jusText scores paragraphs by stopword density, so a
wrong-language stoplist makes it drop most non-English text.
"""

from __future__ import annotations

import re

from benchmarks.systems import Extractor, Output
from benchmarks.systems._wrap import html_input

REQUIRES = ("justext",)
DISTS = ("jusText",)
FIELDS: frozenset[str] = frozenset()

_LANG_ATTR = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)

#: ISO 639-1 codes to jusText stoplist names, for the languages news sites use most.
# fmt: off
_STOPLISTS: dict[str, str] = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ms": "Malay", "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese",
}
# fmt: on


def _detect(text: str) -> str | None:
    try:
        from langdetect import DetectorFactory, detect
    except ImportError:
        return None
    DetectorFactory.seed = 0  # deterministic answers
    try:
        return str(detect(text[:5000]))
    except Exception:  # langdetect raises on text without letters
        return None


def language(raw: str, mode: str) -> str:
    """The stoplist name for a page: declared or detected language, else English."""
    code: str | None = None
    if mode == "html":
        m = _LANG_ATTR.search(raw[:20000])
        code = m.group(1) if m else None
    else:
        code = _detect(raw)
    return _STOPLISTS.get((code or "en").lower()[:2], "English")


def make(mode: str, language_aware: bool = False) -> Extractor:
    """Run jusText and keep the paragraphs it does not classify as boilerplate."""
    import justext

    cache: dict[str, frozenset[str]] = {}

    def stoplist(name: str) -> frozenset[str]:
        if name not in cache:
            cache[name] = frozenset(justext.get_stoplist(name))
        return cache[name]

    def extract(raw: str, url: str | None) -> Output:
        lang = language(raw, mode) if language_aware else "English"
        paras = justext.justext(html_input(raw, mode), stoplist(lang))
        return Output(text="\n\n".join(p.text for p in paras if not p.is_boilerplate))

    return extract
