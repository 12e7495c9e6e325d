"""What ``import newsclean`` and a text-only process load: the HTML path only when an HTML page comes.

A CLI run on a few dumps, or a worker of a text batch, pays every import at
its start; trafilatura and the markup modules are the HTML path's alone.
"""

from __future__ import annotations

import json
import subprocess
import sys

from newsclean.warm import _DUMP

_PROBE = """
import json, sys
import newsclean
loaded = {"import": sorted(m for m in ("trafilatura", "newsclean.html.extract") if m in sys.modules)}
article = newsclean.clean(sys.stdin.read(), input_format="text")
loaded["text"] = sorted(m for m in ("trafilatura", "newsclean.html.extract") if m in sys.modules)
loaded["body"] = article.text
newsclean.clean("<html><body><article><p>" + article.text + "</p></article></body></html>", input_format="html")
loaded["html"] = sorted(m for m in ("trafilatura", "newsclean.html.extract") if m in sys.modules)
print(json.dumps(loaded))
"""


def test_the_html_path_is_loaded_by_the_first_html_page_only() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], input=_DUMP.decode(), capture_output=True, text=True, check=True, timeout=120
    )
    loaded = json.loads(done.stdout)
    assert loaded["import"] == [] and loaded["text"] == []
    assert "new bridge across the river" in loaded["body"]
    assert loaded["html"] == ["newsclean.html.extract", "trafilatura"]
