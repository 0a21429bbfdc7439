vcl 4.1;
# Newsdesk in front of its gunicorn processes (Debian bookworm: varnish 7.1, varnish-modules).
#
# What it stores is decided by the application (core/http_cache.py): reader pages come with
# "public, max-age, s-maxage, stale-while-revalidate, stale-if-error"; anything personal comes
# private/no-store and is passed through, never stored. This file only
# - strips cookies from reader requests (they never change a reader page) and passes requests
#   that carry the editor's session cookie, plus the admin, search and the search API;
# - serves a stored page up to stale-while-revalidate after its s-maxage while the backends are
#   healthy (refreshing it in the background), and up to stale-if-error while they are down;
# - accepts PURGE (by URL, Wagtail's frontend_cache protocol) and PURGE with an xkey-purge
#   header (by cache key, the app's xkey response header) from the purgers ACL only;
# - and their soft forms (X-Newsdesk-Soft-Purge: 1 by URL, xkey-softpurge by key), sent for a
#   published edit: the copy expires but stays within grace, so the next reader gets it while
#   one background fetch replaces it. A hard purge makes every reader of a hot page wait for
#   that fetch at once (the soak's p99); unpublishing and takedowns stay hard, so withdrawn
#   text is never served again.
# Backends and their health probes are in newsdesk-backends.vcl (found on vcl_path).

import std;
import directors;
import purge;
import xkey;

include "newsdesk-backends.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = web.backend();
    if (req.restarts == 0) {
        # Our own markers between passes; a reader sending them would get year-old copies.
        unset req.http.X-Newsdesk-Stale;
        unset req.http.X-Newsdesk-Fresh;
        unset req.http.X-Newsdesk-Cacheable;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from " + client.ip));
        }
        if (req.http.xkey-softpurge) {
            set req.http.X-Purged = xkey.softpurge(req.http.xkey-softpurge);
            return (synth(200, "Soft-purged " + req.http.X-Purged + " objects"));
        }
        if (req.http.xkey-purge) {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.X-Purged + " objects"));
        }
        if (req.http.X-Newsdesk-Soft-Purge) {
            # Looked up like a reader's GET; vcl_hit/vcl_miss expire what is stored.
            return (hash);
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization
        || req.url ~ "^/(admin|documents)/"
        || req.url ~ "^/[a-z]{2}/search/"
        || req.url ~ "^/api/search"
        || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        # Personal, or possibly so: the application answers with its cookies, uncached.
        return (pass);
    }
    # A reader URL: no cookie changes what it shows (CSRF tokens, analytics).
    unset req.http.Cookie;
    if (req.url ~ "^/(robots\.txt|sitemap[^/]*\.xml)") {
        # Language-neutral, but Django adds Vary: Accept-Language to unprefixed URLs.
        unset req.http.Accept-Language;
    }
    if (req.http.X-Newsdesk-Stale) {
        # Second pass after the backends failed: anything within stale-if-error will do.
        set req.grace = 1y;
    } elsif (req.http.X-Newsdesk-Fresh) {
        # Second pass after vcl_hit found the copy too stale for a healthy site.
        set req.grace = 0s;
    }
    set req.http.X-Newsdesk-Cacheable = "1";
    return (hash);
}

sub vcl_hash {
    # One site: the URL alone names a page, whatever Host a reader or a purge sends.
    hash_data(req.url);
    return (lookup);
}

sub soft_purge {
    set req.http.X-Purged = purge.soft(0s);
    return (synth(200, "Soft-purged " + req.http.X-Purged + " objects"));
}

sub vcl_miss {
    if (req.method == "PURGE") {
        call soft_purge;
    }
}

sub vcl_hit {
    if (req.method == "PURGE") {
        call soft_purge;
    }
    # Stored for stale-if-error (obj.grace); while the site is healthy serve it stale only
    # within stale-while-revalidate, otherwise fetch it in the foreground.
    if (obj.ttl < 0s
        && !req.http.X-Newsdesk-Stale
        && !req.http.X-Newsdesk-Fresh
        && std.healthy(req.backend_hint)
        && obj.ttl + std.duration(obj.http.X-Newsdesk-SWR + "s", 0s) < 0s) {
        set req.http.X-Newsdesk-Fresh = "1";
        return (restart);
    }
}

sub vcl_backend_fetch {
    # X-Newsdesk-Stale stays: vcl_backend_response must know a fetch is the last chance.
    unset bereq.http.X-Newsdesk-Fresh;
    unset bereq.http.X-Newsdesk-Cacheable;
}

sub vcl_backend_response {
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            # A background refresh failed: keep serving the stored copy.
            return (abandon);
        }
        if (!bereq.uncacheable && !bereq.http.X-Newsdesk-Stale) {
            # Delivering this error would store it in place of the expired copy that
            # stale-if-error keeps (Varnish replaces the old object): abandon instead, and
            # vcl_synth looks again with a long grace.
            return (abandon);
        }
        # No copy to fall back on, or a passed request: the application's own error page,
        # never stored.
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || beresp.http.Set-Cookie) {
        # Marked personal by the application: never stored, not even for this URL's next
        # reader (hit-for-miss).
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    set beresp.http.X-Newsdesk-SWR = "0";
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.http.X-Newsdesk-SWR = regsub(beresp.http.Cache-Control,
            "^.*stale-while-revalidate=([0-9]+).*$", "\1");
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
            "^.*stale-if-error=([0-9]+).*$", "\1") + "s", 0s);
    }
    # Kept past grace for conditional refreshes (If-None-Match to the backend).
    set beresp.keep = 1h;
    return (deliver);
}

sub vcl_deliver {
    if (resp.status >= 500 && req.http.X-Newsdesk-Cacheable && !req.http.X-Newsdesk-Stale) {
        # The backends failed: look again, accepting a copy within stale-if-error.
        set req.http.X-Newsdesk-Stale = "1";
        return (restart);
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Newsdesk-SWR;
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    if (resp.status == 503 && req.http.X-Newsdesk-Cacheable && !req.http.X-Newsdesk-Stale) {
        # vcl_backend_response abandoned an application error: look again, accepting a copy
        # within stale-if-error (the same second pass vcl_deliver makes).
        set req.http.X-Newsdesk-Stale = "1";
        return (restart);
    }
}

sub vcl_backend_error {
    if (bereq.is_bgfetch || (!bereq.uncacheable && !bereq.http.X-Newsdesk-Stale)) {
        # Delivering this error would store it in place of the expired copy that
        # stale-if-error keeps (as in vcl_backend_response): abandon; a reader's request goes
        # on to vcl_synth, which looks again with a long grace.
        return (abandon);
    }
    # No backend answered and no copy to fall back on (or a passed request): a short error.
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Cache-Control = "private, no-store";
    set beresp.ttl = 0s;
    synthetic("The site is temporarily unavailable.");
    return (deliver);
}
