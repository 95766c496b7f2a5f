"""Web pages as sources: fetching a URL safely (httpx) and extracting an article from HTML (trafilatura)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from index.articles import SourceError
from index.normalize import reads_as_arabic

HTML_SUFFIXES = (".html", ".htm")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "arabic-article-qa/0.1 (+https://pypi.org/project/trafilatura/)"


class WebError(SourceError):
    """A page that cannot be fetched or read as an article (the message is for the operator)."""


@dataclass(frozen=True)
class FetchLimits:
    """How far a fetch may go: seconds for the whole download, bytes read, redirects followed."""

    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


def fetch_limits(settings: object) -> FetchLimits:
    """The fetch limits from the settings object (`fetch_timeout`, `max_page_mb`, `max_redirects`)."""
    return FetchLimits(timeout=float(settings.fetch_timeout), max_bytes=int(settings.max_page_mb * 1024 * 1024),
                       max_redirects=int(settings.max_redirects))


@dataclass(frozen=True)
class WebPage:
    """An article extracted from a page: plain text (one paragraph a line) and its metadata."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO date, e.g. "2024-03-12"
    author: str | None = None
    site: str | None = None
    url: str | None = None

    def metadata(self) -> dict:
        """The page's metadata as JSON-friendly fields (the snapshot's .json)."""
        return {"title": self.title, "date": self.date, "author": self.author, "site": self.site, "url": self.url}


def is_url(source: object) -> bool:
    """Whether a source argument is an http(s) URL."""
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def url_label(url: str) -> str:
    """A short name for a URL in source references: host and last path segment."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    return parts.netloc + ("/" + segments[-1] if segments else "")


def fetch(url: str, limits: FetchLimits = FetchLimits()) -> tuple[bytes, str | None, str]:
    """Download an HTML page: (body, charset from the headers or None, final URL).

    Raises `WebError` with one clear line for an HTTP error, a timeout, too many redirects, a
    response that is not HTML or is binary, or one larger than `limits.max_bytes` (read as a stream
    and refused as soon as it passes the cap).
    """
    import httpx

    deadline = time.monotonic() + limits.timeout
    try:
        with httpx.Client(follow_redirects=True, max_redirects=limits.max_redirects, timeout=limits.timeout,
                          headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise WebError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind and kind not in _HTML_TYPES:
                    raise WebError(f"{url}: not a web page (content type {kind})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limits.max_bytes:
                    raise WebError(f"{url}: page of {int(declared) / 1e6:.0f} MB refused "
                                   f"(limit {limits.max_bytes / 1e6:.0f} MB)")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limits.max_bytes:
                        raise WebError(f"{url}: page larger than {limits.max_bytes / 1e6:.0f} MB refused")
                    if time.monotonic() > deadline:
                        raise WebError(f"{url}: timed out after {limits.timeout:g}s")
                charset = response.charset_encoding
                final = str(response.url)
    except httpx.TooManyRedirects:
        raise WebError(f"{url}: more than {limits.max_redirects} redirects (a redirect loop?)") from None
    except httpx.TimeoutException:
        raise WebError(f"{url}: timed out after {limits.timeout:g}s") from None
    except httpx.HTTPError as exc:
        raise WebError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None
    if b"\x00" in body[:4096]:
        raise WebError(f"{url}: binary response, not a web page")
    return bytes(body), charset, final


def _decode(html: bytes, charset: str | None) -> str | bytes:
    """Text of a page when its charset is known; otherwise the bytes, for trafilatura to detect."""
    if charset:
        try:
            return html.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return html


def extract(html: bytes | str, url: str | None = None, charset: str | None = None, name: str = "") -> WebPage:
    """The main text and metadata of an HTML page, boilerplate (menus, related links, share buttons,
    comments) dropped. Raises `WebError` when no Arabic article text is found."""
    import trafilatura

    where = name or url or "page"
    if isinstance(html, bytes) and b"\x00" in html[:4096]:
        raise WebError(f"{where}: binary file, not a web page")
    content = _decode(html, charset) if isinstance(html, bytes) else html
    try:
        doc = trafilatura.bare_extraction(content, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False, favor_precision=True)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise WebError(f"{where}: cannot parse the page ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise WebError(f"{where}: no article text found in the page")
    if not reads_as_arabic(text):
        raise WebError(f"{where}: no Arabic text in the page")

    def field(attr: str) -> str | None:
        value = getattr(doc, attr, None)
        return str(value).strip() or None if value else None

    return WebPage(text=text, title=field("title"), date=field("date"), author=field("author"),
                   site=field("sitename"), url=url)


def read_url(url: str, limits: FetchLimits = FetchLimits()) -> WebPage:
    """Fetch a URL and extract its article; `WebError` with one line for anything unusable."""
    html, charset, final = fetch(url, limits)
    page = extract(html, url=final, charset=charset, name=url)
    return WebPage(text=page.text, title=page.title, date=page.date, author=page.author, site=page.site, url=url)
