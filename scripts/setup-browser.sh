#!/usr/bin/env bash
# Make a headless Chromium (and wrk, for `make bench-web`) available for the browser tests.
#
# Idempotent: does nothing when /usr/bin/chromium is already there. Installs from Debian with apt-get
# (never `playwright install`, which downloads a browser from outside the package archive). When it
# cannot install (not root, no apt-get, no network), it says why and exits 0: the browser tests then
# skip with a clear reason instead of failing the build.
set -u

CHROMIUM=/usr/bin/chromium
say() { echo "setup-browser: $*"; }

need_chromium=1
need_wrk=1
[ -x "$CHROMIUM" ] && need_chromium=0
command -v wrk >/dev/null 2>&1 && need_wrk=0

if [ "$need_chromium" = 0 ] && [ "$need_wrk" = 0 ]; then
    say "chromium and wrk already installed"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    [ "$need_chromium" = 1 ] && say "$CHROMIUM is missing and we are not root: browser tests will be skipped" \
        "(install it with: sudo apt-get install -y chromium)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get on this system: install chromium yourself; browser tests will be skipped"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# One `apt-get update` per run, and only when something is missing.
if ! apt-get update -qq >/dev/null 2>&1; then
    say "apt-get update failed (no network to the Debian mirror?): browser tests will be skipped"
    exit 0
fi
if [ "$need_chromium" = 1 ]; then
    if apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 && [ -x "$CHROMIUM" ]; then
        say "installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
    else
        say "apt-get install chromium failed: browser tests will be skipped"
    fi
fi
if [ "$need_wrk" = 1 ]; then
    # Optional: the web benchmark falls back to a Python load generator without it.
    if apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1; then
        say "installed wrk"
    else
        say "wrk not installable: bench-web will use its Python load generator"
    fi
fi
exit 0
