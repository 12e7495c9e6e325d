"""``newsclean fetch``: its arguments and its run (the CLI module only registers and dispatches).

Records, the errors file, output formats, the progress bar, the summary line
and exit statuses follow ``newsclean clean``: the same writers and sink,
the same loop over outcomes (:func:`newsclean.batch.drain`),
``OUT.errors.jsonl`` for failures, :mod:`newsclean.runsummary` for what is
shown (0 when every page was cleaned, 3 when some failed, 1 when none was
cleaned, 2 for bad arguments or an output that cannot be written, 130 when
interrupted, 143 on SIGTERM).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..batch import Progress, drain
from ..clean_args import errors_path
from ..errors import OptionsError
from ..io.targets import CannotWrite, lock_outputs, open_sink
from ..io.writers import FORMATS
from ..options import Options
from ..runsummary import RunEnd, cannot_start, error_reporter, progress_bar
from ..signals import sigterm_interrupts
from .options import DEFAULT_USER_AGENT, FetchOptions

EPILOG = """\
examples:
  newsclean fetch https://example.org/news/story.html -o story.jsonl
  newsclean fetch --urls urls.txt -o out.jsonl --warc crawl.warc.gz
  newsclean fetch --feed https://example.org/rss.xml -o feed.jsonl --raw-dir raw/
  newsclean fetch --sitemap https://example.org/sitemap_index.xml -o news.jsonl --delay 2
  newsclean clean crawl.warc.gz -o again.jsonl     re-clean the kept pages, no fetching

robots.txt is always obeyed. Each host gets at most --host-concurrency
requests at once, started at least --delay seconds apart; 429 and 5xx answers
are retried with exponential backoff, honouring Retry-After. Only http and
https are fetched, and by default no loopback, private or link-local address
(after DNS resolution): --allow-private permits them. Failed pages are
reported on stderr and listed in OUT.errors.jsonl; the run goes on.
"""


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``fetch`` subcommand's arguments (defaults are :class:`FetchOptions`')."""
    defaults = FetchOptions()
    parser.add_argument("urls", nargs="*", metavar="URL", help="article pages to fetch")
    _add_sources(parser, defaults)
    _add_output(parser)
    _add_politeness(parser, defaults)
    _add_cleaning(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log what the fetcher and the cleaner do; -vv: other libraries' debug lines too")


def _add_sources(parser: argparse.ArgumentParser, defaults: FetchOptions) -> None:
    """Where links come from (URLs, files, feeds, sitemaps) and how far discovery goes."""
    what = parser.add_argument_group("what to fetch (any mix, at least one)")
    what.add_argument("--urls", dest="url_file", metavar="FILE", help="a file of URLs, one a line (- for stdin)")
    what.add_argument("--feed", action="append", default=[], metavar="URL",
                      help="an RSS, Atom or JSON feed whose entries to fetch (repeatable)")
    what.add_argument("--sitemap", action="append", default=[], metavar="URL",
                      help="a sitemap or sitemap index, news sitemaps included (repeatable)")
    what.add_argument("--all-links", action="store_true",
                      help="keep feed and sitemap links that look like tag, category or other non-article pages")
    what.add_argument("--max-links", type=int, metavar="N",
                      help="fetch at most N pages (discovery stops reading feeds and sitemaps there)")
    what.add_argument("--max-sitemaps", type=int, default=defaults.max_sitemaps, metavar="N",
                      help=f"sitemap documents requested at most, indexes included (default: {defaults.max_sitemaps})")
    what.add_argument("--max-sitemap-depth", type=int, default=defaults.max_sitemap_depth, metavar="N",
                      help=f"levels of sitemap indexes followed (default: {defaults.max_sitemap_depth})")


def _add_output(parser: argparse.ArgumentParser) -> None:
    """The records, the errors file, and where the raw pages are kept."""
    out = parser.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="OUT", help="output file (markdown: directory; default: stdout)")
    out.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    out.add_argument("--errors", metavar="FILE", help="errors file (default: OUT.errors.jsonl)")
    raw = out.add_mutually_exclusive_group()
    raw.add_argument("--warc", metavar="FILE", help="keep every request and response in a WARC (.warc.gz: gzipped)")
    raw.add_argument("--raw-dir", metavar="DIR", help="keep each page as a file, indexed in DIR/index.jsonl")


def _add_politeness(parser: argparse.ArgumentParser, defaults: FetchOptions) -> None:
    """How hard hosts are asked, and the limits on each request."""
    polite = parser.add_argument_group("politeness and limits")
    polite.add_argument("--user-agent", default=DEFAULT_USER_AGENT, metavar="UA",
                        help="User-Agent header; its first word is matched against robots.txt")
    polite.add_argument("--delay", type=float, default=defaults.delay, metavar="SECONDS",
                        help=f"between two requests to one host (default: {defaults.delay:g})")
    polite.add_argument("--host-concurrency", type=int, default=defaults.host_concurrency, metavar="N",
                        help=f"requests at once to one host (default: {defaults.host_concurrency})")
    polite.add_argument("--concurrency", type=int, default=defaults.concurrency, metavar="N",
                        help=f"requests at once overall (default: {defaults.concurrency})")
    polite.add_argument("--retries", type=int, default=defaults.retries, metavar="N",
                        help=f"retries after 429, 5xx or a network failure (default: {defaults.retries})")
    polite.add_argument("--connect-timeout", type=float, default=defaults.connect_timeout, metavar="SECONDS")
    polite.add_argument("--read-timeout", type=float, default=defaults.read_timeout, metavar="SECONDS")
    polite.add_argument("--total-timeout", type=float, default=defaults.total_timeout, metavar="SECONDS",
                        help="wall-clock limit on one URL's connects, headers and bodies, redirects and "
                             f"retries included (default: {defaults.total_timeout:g})")
    polite.add_argument("--max-bytes", type=int, default=defaults.max_bytes, metavar="N",
                        help=f"largest response body, decompressed (default: {defaults.max_bytes})")
    polite.add_argument("--max-redirects", type=int, default=defaults.max_redirects, metavar="N")
    polite.add_argument("--allow-private", action="store_true",
                        help="allow loopback, private and link-local addresses (intranets, tests)")


def _add_cleaning(parser: argparse.ArgumentParser) -> None:
    """The cleaning options ``fetch`` shares with ``clean``."""
    clean = parser.add_argument_group("cleaning (as in newsclean clean)")
    clean.add_argument("--jobs", type=int, default=1, metavar="N", help="cleaning processes (default: 1)")
    clean.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                       help="per-page cleaning time limit; 0 for none (default: 60)")
    clean.add_argument("--language", metavar="CODE", help="the pages' language (ISO 639-1), if known")
    clean.add_argument("--default-timezone", metavar="ZONE", help="IANA zone for times stated without offset")


def _read_url_file(name: str) -> list[str]:
    text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _bad_arguments(args: argparse.Namespace) -> str | None:
    if not (args.urls or args.url_file or args.feed or args.sitemap):
        return "nothing to fetch: give URLs, --urls FILE, --feed URL or --sitemap URL"
    to_stdout = args.output in (None, "-")
    if args.format in ("parquet", "markdown") and to_stdout:
        return f"--format {args.format} needs -o"
    if args.jobs < 1:
        return "--jobs must be at least 1"
    if args.timeout < 0:
        return "--timeout must be 0 (none) or positive"
    if args.url_file and args.url_file != "-" and not Path(args.url_file).is_file():
        return f"no such file: {args.url_file}"
    return None


def _options(args: argparse.Namespace) -> tuple[FetchOptions, Options]:
    fetching = FetchOptions(
        user_agent=args.user_agent, delay=args.delay, host_concurrency=args.host_concurrency,
        concurrency=args.concurrency, retries=args.retries, connect_timeout=args.connect_timeout,
        read_timeout=args.read_timeout, total_timeout=args.total_timeout, max_bytes=args.max_bytes,
        max_redirects=args.max_redirects,
        allow_private=args.allow_private, filter_links=not args.all_links, max_links=args.max_links,
        max_sitemaps=args.max_sitemaps, max_sitemap_depth=args.max_sitemap_depth,
    )
    cleaning = Options.from_kwargs(language=args.language, default_timezone=args.default_timezone)
    return fetching, cleaning


def run_fetch_command(args: argparse.Namespace) -> int:
    """Run ``newsclean fetch``; returns the exit status."""
    from .run import FetchRequest, iter_fetch_outcomes, open_archive

    problem = _bad_arguments(args)
    try:
        fetching, cleaning = _options(args)
    except OptionsError as exc:
        problem = problem or str(exc)
    if problem:
        print(f"newsclean: error: {problem}", file=sys.stderr)
        return 2
    urls = [*args.urls, *(_read_url_file(args.url_file) if args.url_file else [])]
    request = FetchRequest(tuple(urls), tuple(args.feed), tuple(args.sitemap))
    try:
        archive = open_archive(args.warc, args.raw_dir, fetching)
    except (ImportError, OSError) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2
    errors_file = errors_path(args)
    bar = progress_bar(None, args.quiet)  # its total is known once discovery is done
    try:
        # Checked and locked before the first request, as clean does: one line, exit 2, no traceback.
        sink = open_sink(args.format, args.output, errors_file, locks=lock_outputs(args.output, errors_file),
                         report_error=error_reporter(bar))
    except (CannotWrite, ImportError) as exc:
        if bar is not None:
            bar.close()
        if archive is not None:
            archive.close()
        return cannot_start(exc)
    stats = request.stats
    started = time.monotonic()
    try:
        with sigterm_interrupts():
            outcomes = iter_fetch_outcomes(
                request, fetching, cleaning, archive=archive, jobs=args.jobs, timeout=args.timeout or None
            )
            end = drain(outcomes, sink, Progress(bar, total=lambda: stats.queued), RunEnd(sink.counts, args.output))
    finally:
        if archive is not None:
            archive.close()
    return end.report(time.monotonic() - started, quiet=args.quiet,
                      extra=links_clause(stats.discovered, stats.filtered, stats.duplicates))


def links_clause(discovered: int, filtered: int, duplicates: int) -> str:
    """The summary line's account of the links: what the crawl found, and why some made no record."""
    return f"{discovered} links found, {filtered} filtered out, {duplicates} duplicate"
