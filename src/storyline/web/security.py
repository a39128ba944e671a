"""Response headers and request-size limits, as plain ASGI middleware (they wrap every response,
error pages included, and see the body before any route reads it)."""

from __future__ import annotations

import functools
import html
import ipaddress
import json
from collections.abc import Callable
from typing import Any

# No inline script or style anywhere: the pages' JS and CSS are static files from this origin, so an
# injected <script> or on*= attribute cannot run even if escaping were ever missed.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

Scope = dict[str, Any]
# What the middleware's own refusals (413, 421) and the app's 500 are drawn as, for a person: ``(status,
# message, way_on, home)`` to the page's HTML, ``message`` and ``way_on`` plain text that the page escapes, ``home``
# the address of the site's start ("" for this one's). The app gives its error template (the site's header and
# navigation around one line); without one, ``plain_page``.
ErrorPage = Callable[[int, str, str, str], str]

# Static pages for answers given outside the templates (nothing in them comes from the request): the site's
# header and navigation too, so that a person who lands on one has a way on but the browser's Back button.
_PAGE = (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title} · storyline</title>\n'
    '<link rel="stylesheet" href="{home}/static/style.css">\n</head>\n<body>\n'
    '<header class="site">\n  <a class="brand" href="{home}/">storyline</a>\n'
    '  <nav aria-label="Site"><a href="{home}/">New story</a> <a href="{home}/#past">Past stories</a> '
    '<a href="{home}/stream">Stream</a> <a href="{home}/docs">API</a></nav>\n</header>\n'
    '<main id="main" tabindex="-1">\n<h1>{title}</h1>\n<p role="alert">{message}</p>\n{way_on}'
    '<p><a href="{home}/">{start}</a></p>\n</main>\n</body>\n</html>\n'
)
# What was pasted is not in a 413's page (the body was not read): the browser's Back button shows the form as it
# was left, where a link to the start would give a blank one.
TOO_LARGE_WAY_ON = ("Your browser's Back button returns to the form with what you typed still in it: paste or upload "
                    "less at a time (a story can be made of some articles, and the others added to it from its page).")
_HEADINGS = {413: "Too much at once", 421: "Not served at this address", 500: "Something went wrong on the server"}


def plain_page(status: int, message: str, way_on: str = "", home: str = "") -> str:
    """An error page without the templates: the site's header, what happened, and the way on."""
    return _PAGE.format(title=_HEADINGS.get(status, "The request failed"), message=html.escape(message),
                        way_on=f"<p>{html.escape(way_on)}</p>\n" if way_on else "", home=html.escape(home),
                        start=f"Go to {html.escape(home)}/" if home else "Back to the start")


INTERNAL_ERROR = "Something went wrong on our side; the error is logged."


def server_address(scope: Scope) -> str:
    """This server's own address from the socket it answered on (never the request's Host header), as
    ``http://127.0.0.1:8000``; "" when the socket does not say (a Unix socket)."""
    server = scope.get("server")
    if not server or server[1] is None:
        return ""
    host, port = str(server[0]), int(server[1])
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return ""
    if ip.is_unspecified:  # bound to every address: this machine's own loopback is one of them
        ip = ipaddress.ip_address("::1" if ip.version == 6 else "127.0.0.1")
    return f"http://[{ip}]:{port}" if ip.version == 6 else f"http://{ip}:{port}"


# The Host headers whose answer ``is_local_host`` keeps: a client sending a new name each time keeps at most these.
HOSTS_KEPT = 64


def host_name(host: str) -> str:
    """The name in a Host header, without its port or an IPv6 address's brackets, lower-cased."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@functools.lru_cache(maxsize=HOSTS_KEPT)
def is_local_host(host: str) -> bool:
    """Whether a Host header names this server as a browser on this machine reaches a loopback address:
    ``localhost`` (or a name under ``.localhost``, which resolves to loopback) or an IP address. Any other
    name reaching a server bound to loopback was made to point there (DNS rebinding), and the page that did
    it would read the stories as if it were this site. Every request asks it, nearly always of the same one or
    two headers: the answers for the latest ``HOSTS_KEPT`` are kept (parsing one took ~8 us a request)."""
    name = host_name(host).rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def is_api_path(path: str) -> bool:
    """JSON routes answer errors in JSON; every other route is a page, and a person reads its errors."""
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


class SecurityMiddleware:
    """Adds the security headers, answers HEAD as GET without the body, and refuses request bodies over
    ``max_body`` bytes with 413, whether the size is announced (Content-Length) or only discovered while
    streaming (chunked).

    A body without a Content-Length is read here, up to the limit, before the app sees the request: the
    refusal has to be this middleware's own response, because an error raised from inside ``receive()``
    while a route parses its body is turned by the framework into a generic 400."""

    def __init__(self, app: Any, *, max_body: int, local_only: bool = False,
                 error_page: ErrorPage = plain_page) -> None:
        self.app = app
        self.max_body = max_body
        self.local_only = local_only
        self.error_page = error_page

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope.get("method") == "HEAD":  # every page and GET route answers HEAD: its headers, no body
            scope, send = dict(scope, method="GET"), _without_body(send)

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        path = str(scope.get("path", ""))
        api = is_api_path(path)
        headers = dict(scope.get("headers", []))  # (once a request: the host and the length from the same dict)
        host = headers.get(b"host")
        if self.local_only and host is not None and not is_local_host(host.decode("latin-1")):
            await self._misdirected(send_with_headers, api, host.decode("latin-1"), server_address(scope))
            return
        length = headers.get(b"content-length")
        if length is not None:
            # The server holds the client to the length it announced, so checking the number is enough.
            if not length.isdigit() or int(length) > self.max_body:
                await self._refuse(send_with_headers, api)
                return
            await self.app(scope, receive, send_with_headers)
            return
        body = await self._read_body(receive)
        if body is None:  # the client hung up before it finished sending: nobody to answer
            return
        if len(body) > self.max_body:
            await self._refuse(send_with_headers, api)
            return
        await self.app(scope, _replay(body, receive), send_with_headers)

    async def _read_body(self, receive: Any) -> bytes | None:
        """The whole body, or the first chunks that took it past the limit; None on a disconnect."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return None
            chunk = message.get("body", b"")
            chunks.append(chunk)
            seen += len(chunk)
            if seen > self.max_body or not message.get("more_body", False):
                return b"".join(chunks)

    async def _misdirected(self, send: Any, api: bool, host: str, home: str) -> None:
        """421 for a request addressed to a name that is not this machine's (``local_only``). The page's links
        go to the server's own address: a relative one would ask the refused name again."""
        message = (f"this server answers requests to localhost or an IP address, not to {host_name(host)[:100]!r}; "
                   f"open it as {home or 'http://localhost:PORT'}/")
        await self._answer(send, 421, api, message, home=home)

    async def _refuse(self, send: Any, api: bool) -> None:
        """413: JSON for the API, a small page for a browser that posted the form (nothing in it comes from
        the request)."""
        mb, kb = divmod(self.max_body, 1024 * 1024)
        limit = f"{mb} MB" if mb and not kb else f"{self.max_body // 1024} KB"
        message = f"request body too large (the limit is {limit})"
        await self._answer(send, 413, api, message, way_on=TOO_LARGE_WAY_ON)

    async def _answer(self, send: Any, status: int, api: bool, message: str, way_on: str = "",
                      home: str = "") -> None:
        headers = []
        if api:
            body, kind = json.dumps({"error": message}).encode(), b"application/json"
        else:
            body, kind = self.error_page(status, message, way_on, home).encode(), b"text/html; charset=utf-8"
            if home:  # the page is drawn at the refused name: its style and icon come from the server's address
                policy = CSP.replace("style-src 'self'", f"style-src 'self' {home}").replace(
                    "img-src 'self'", f"img-src 'self' {home}")
                headers.append((b"content-security-policy", policy.encode()))
        headers += [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _without_body(send: Any) -> Any:
    """A ``send`` for a HEAD request answered as its GET: the status and headers (Content-Length included),
    no body."""

    async def send_head(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b""}
        await send(message)

    return send_head


def _replay(body: bytes, receive: Any) -> Any:
    """A ``receive`` that hands the app the body already read, then passes on what the server sends next
    (a disconnect)."""
    sent = False

    async def replayed() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return dict(await receive())

    return replayed
