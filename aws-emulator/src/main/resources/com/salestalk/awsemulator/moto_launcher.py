#!/usr/bin/env python3
"""Starts moto server with the SalesTalk emulator fixes applied.

Usage: python3 moto_launcher.py [-H 127.0.0.1] [-p PORT] [any other moto_server option]

The arguments go to moto.server.main() unchanged. Used by the Java test harness (MotoServer) and,
straight from its place in the repository, by `./salestalk up`.

Fix: moto 5.2.1 delivers every EventBridge event to each target through
moto.events.utils.EventTemplateParser.parse, which runs `from jsonpath_ng.ext import parse` and then
parses the same 8 input paths ("$.detail", "$.source", ...) again for every delivery, about 10 ms
each: EventBridge -> SQS tops out at a handful of events per second. The import is executed on each
call, so it reads the attribute jsonpath_ng.ext.parse every time; replacing that attribute with a
functools.lru_cache wrapper makes moto reuse the parsed expressions (they are immutable once built,
so sharing them between the server's threads is safe). A self-check then calls moto's own
EventTemplateParser and verifies that it went through the cache.
"""

import functools
import sys

_PREFIX = "moto_launcher:"

_SAMPLE_EVENT = {
    "version": "0",
    "id": "00000000-0000-0000-0000-000000000000",
    "detail-type": "launcher-self-check",
    "source": "salestalk.launcher",
    "account": "123456789012",
    "time": 0.0,
    "region": "us-east-1",
    "resources": [],
    "detail": {},
    "ingestion-time": 0.0,
}


def install_jsonpath_cache():
    """Wraps jsonpath_ng.ext.parse in an LRU cache; returns the cached function."""
    import jsonpath_ng.ext

    current = jsonpath_ng.ext.parse
    if hasattr(current, "cache_info"):
        return current
    cached = functools.lru_cache(maxsize=1024)(current)
    jsonpath_ng.ext.parse = cached
    return cached


def moto_uses_cache(cached):
    """True if moto's EventBridge input-template parser goes through the cached function."""
    from moto.events.utils import EventTemplateParser

    before = cached.cache_info()
    EventTemplateParser.parse(
        input_template=None, input_paths_map={}, event=dict(_SAMPLE_EVENT)
    )
    after = cached.cache_info()
    return after.hits + after.misses > before.hits + before.misses


def main(argv):
    try:
        cached = install_jsonpath_cache()
    except ImportError as e:
        print(f"{_PREFIX} WARNING jsonpath_ng missing ({e}); "
              'install moto with: pip install "moto[server]"', file=sys.stderr, flush=True)
    else:
        if moto_uses_cache(cached):
            print(f"{_PREFIX} jsonpath cache active for EventBridge input templates",
                  file=sys.stderr, flush=True)
        else:
            print(f"{_PREFIX} WARNING moto's EventTemplateParser does not call "
                  "jsonpath_ng.ext.parse any more; EventBridge delivery will be slow. "
                  "Update moto_launcher.py for this moto version.", file=sys.stderr, flush=True)

    from moto.server import main as moto_main

    moto_main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
