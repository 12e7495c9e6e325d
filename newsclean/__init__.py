"""newsclean: raw scraped news pages in, clean article records out.

The public API is deliberately small::

    import newsclean
    article = newsclean.clean(open("page.html", "rb").read(), url="https://...")
    print(article.title, article.published, article.text)
"""

from __future__ import annotations

from .api import clean, clean_file, clean_record
from .errors import BinaryInputError, InputError, LimitExceededError, NewscleanError, OptionsError
from .options import Options
from .pipeline import clean_many
from .record import SCHEMA_VERSION, Article, Embed, Removed

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "BinaryInputError",
    "Embed",
    "InputError",
    "LimitExceededError",
    "NewscleanError",
    "Options",
    "OptionsError",
    "Removed",
    "clean",
    "clean_file",
    "clean_many",
    "clean_record",
]

__version__ = "0.1.0"
