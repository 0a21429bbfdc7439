"""WAGTAILFRONTENDCACHE from the environment; imported by settings, so it imports nothing else."""

from __future__ import annotations

from collections.abc import Mapping


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def backends_from_env(environ: Mapping[str, str]) -> dict[str, dict]:
    """WAGTAILFRONTENDCACHE from NEWSDESK_VARNISH_URLS, NEWSDESK_CLOUDFLARE_* and
    NEWSDESK_CLOUDFRONT_*; empty (no purging) when none is set. docs/deployment.md lists them."""
    backends: dict[str, dict] = {}
    hostnames = _split(environ.get("NEWSDESK_FRONTEND_CACHE_HOSTNAMES", ""))
    extra = {"HOSTNAMES": hostnames} if hostnames else {}
    for index, url in enumerate(_split(environ.get("NEWSDESK_VARNISH_URLS", ""))):
        backends[f"varnish{index}"] = {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": url,
            **extra,
        }
    if zone := environ.get("NEWSDESK_CLOUDFLARE_ZONEID", "").strip():
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": environ.get("NEWSDESK_CLOUDFLARE_BEARER_TOKEN", ""),
            **extra,
        }
    if distribution := environ.get("NEWSDESK_CLOUDFRONT_DISTRIBUTION_ID", "").strip():
        # boto3 reads credentials from its usual sources (AWS_* variables, instance role).
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
            **extra,
        }
    return backends
