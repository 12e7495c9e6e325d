"""``newsclean explain``: its arguments and its run (the CLI only parses and calls)."""

from __future__ import annotations

import argparse
import os
import sys

from ..decode import decode_bytes
from ..errors import InputError, OptionsError
from ..limits import read_capped
from ..options import Options

EPILOG = """\
examples:
  newsclean explain seeds/000_52889d1c0e5aca07.txt
  newsclean explain page.html | less -R
  newsclean explain dump.txt --format json | jq '.lines[] | select(.verdict != "kept")'

Text dumps are shown line by line: kept, partly kept (the removed spans
marked, each with its reason) or dropped with its reason. HTML pages are
shown block by block (paragraphs, headings, list items, table cells, as
text). Both start with the title, date and authors chosen and where they
came from: the page declarations that state them, or the dump's lines
(headline, date line, byline) that gave them. What is marked kept is the
record's text.
"""


def add_explain_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``explain`` sub-command's arguments."""
    parser.add_argument("path", metavar="FILE", help="a text dump or an HTML page (or - for stdin)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the verdicts (default: when stdout is a terminal)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="marked lines for reading, or JSON verdicts for programs (default: text)")
    parser.add_argument("--input-format", choices=("auto", "html", "text"), default="auto",
                        help="force the HTML or text path (default: sniff the content)")
    parser.add_argument("--url", default=None,
                        help="the page's address: its slug and day are evidence for a dump's headline and date")


def _read(path: str) -> str:
    defaults = Options()
    limit = defaults.max_input_bytes + 1  # one byte more tells the decoder the input was cut
    data = sys.stdin.buffer.read(limit) if path == "-" else read_capped(path, defaults.max_input_bytes)
    text, _ = decode_bytes(data, max_bytes=defaults.max_input_bytes, max_decompressed=defaults.max_decompressed_bytes)
    return text


def run_explain(args: argparse.Namespace) -> int:
    """Print one input's explanation; exit 2 when it cannot be read."""
    from . import explain
    from .render import render_json, render_lines, summary_line

    try:
        text = _read(args.path)
        explanation = explain(text, input_format=args.input_format, source=None if args.path == "-" else args.path,
                              url=args.url)
    except (OSError, InputError, OptionsError) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.format == "json":
            print(render_json(explanation))
        else:
            color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
            for line in render_lines(explanation, color=color):
                print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        # "newsclean explain page.txt | head": the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if args.format != "json":
        print(summary_line(explanation), file=sys.stderr)
    return 0
