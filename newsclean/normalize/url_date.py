"""The publication day a URL path states ("/2024/03/02/", "20240302-story").

The last resort of both paths when a page prints no date it can be read by:
a day without a time, right for the many sites that put it in every URL.
"""

from __future__ import annotations

import re

_DATE_IN_URL = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")


def date_from_url(url: str | None) -> str | None:
    """``/2024/03/02/`` or ``20240302`` in the URL path, as an ISO day."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    match = _DATE_IN_URL.search(path)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None
