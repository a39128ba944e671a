"""Response headers and request-size limits, as plain ASGI middleware (they wrap every response,
error pages included, and see the body before any route reads it)."""

from __future__ import annotations

import html
import ipaddress
import json
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
# Static pages for answers given outside the templates (nothing in them comes from the request).
_PAGE = (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title} · storyline</title>\n'
    '<link rel="stylesheet" href="/static/style.css">\n</head>\n<body>\n<main id="main">\n<h1>Sorry</h1>\n'
    '<p role="alert">{message}</p>\n<p><a href="/">Back to the start</a></p>\n'
    "</main>\n</body>\n</html>\n"
)
# What was pasted is not in this page (the body was not read): the browser's Back button shows the form as it was
# left, where the link below would give a blank one.
TOO_LARGE_PAGE = _PAGE.replace("{title}", "Too large").replace(
    "{message}", "{message}: paste or upload less at a time (a story can be made of some articles, and the others "
                 "added to it from its page). Your browser's Back button returns to the form with what you typed "
                 "still in it.")
INTERNAL_ERROR_PAGE = _PAGE.format(title="Error", message="Something went wrong on our side; the error is logged.")


MISDIRECTED_PAGE = _PAGE.replace("{title}", "Wrong address")


def host_name(host: str) -> str:
    """The name in a Host header, without its port or an IPv6 address's brackets, lower-cased."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_local_host(host: str) -> bool:
    """Whether a Host header names this server as a browser on this machine reaches a loopback address:
    ``localhost`` (or a name under ``.localhost``, which resolves to loopback) or an IP address. Any other
    name reaching a server bound to loopback was made to point there (DNS rebinding), and the page that did
    it would read the stories as if it were this site."""
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

    def __init__(self, app: Any, *, max_body: int, local_only: bool = False) -> None:
        self.app = app
        self.max_body = max_body
        self.local_only = local_only

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
        host = dict(scope.get("headers", [])).get(b"host")
        if self.local_only and host is not None and not is_local_host(host.decode("latin-1")):
            await self._misdirected(send_with_headers, api, host.decode("latin-1"))
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
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

    async def _misdirected(self, send: Any, api: bool, host: str) -> None:
        """421 for a request addressed to a name that is not this machine's (``local_only``)."""
        message = (f"this server answers requests to localhost or an IP address, not to {host_name(host)[:100]!r}; "
                   "open it as http://localhost:PORT/ or http://127.0.0.1:PORT/")
        await self._answer(send, 421, api, message, MISDIRECTED_PAGE)

    async def _refuse(self, send: Any, api: bool) -> None:
        """413: JSON for the API, a small page for a browser that posted the form (nothing in it comes from
        the request)."""
        message = f"request body too large (the limit is {self.max_body // 1024} KB)"
        await self._answer(send, 413, api, message, TOO_LARGE_PAGE)

    @staticmethod
    async def _answer(send: Any, status: int, api: bool, message: str, page: str) -> None:
        if api:
            body, kind = json.dumps({"error": message}).encode(), b"application/json"
        else:
            body, kind = page.format(message=html.escape(message)).encode(), b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
            }
        )
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
