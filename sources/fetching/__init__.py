"""The one safe HTTP client for every outbound fetch (feeds, articles, robots.txt).

Why one client: the newsroom fetches URLs that come from outside (feeds list article links,
servers send redirects), so every request must be protected the same way against

* SSRF: a URL or a redirect pointing at loopback, the private network or cloud metadata
  (169.254.169.254). The address check runs *at connection time on the exact IP we connect to*
  (a custom httpcore network backend), after DNS resolution, on every hop of a redirect chain.
  Because the socket is opened to the very address that was checked, a DNS rebinding answer
  between "check" and "connect" cannot slip through. Hosts listed in
  ``settings.NEWSDESK_ALLOWED_FETCH_HOSTS`` skip the check (tests use 127.0.0.1; a newsroom may
  allow an internal mirror). Proxies from the environment are ignored (``trust_env=False``)
  because a proxy would connect on our behalf, beyond the check.
* Resource exhaustion: connect/read timeouts plus a total deadline checked while streaming,
  a body cap checked against Content-Length, against the raw bytes and against the *decoded*
  bytes (we decompress ourselves with a bounded output size, so a gzip bomb stops at the cap
  instead of inflating in memory).
* Rudeness: an identifiable User-Agent (``settings.NEWSDESK_USER_AGENT``), robots.txt honoured
  (cached per host and fetched through this same client), a minimum delay between requests to
  one host (per process), and conditional GET so unchanged feeds cost a 304.

The package reads in the order of one request: ``addresses`` (which IPs we may connect to, and
the transport that connects only to those), ``politeness`` (host spacing), ``robots``
(robots.txt rules), ``decompress`` (bounded gzip/deflate), ``client`` (the ``Fetcher`` that
ties them together, and ``default_fetcher()``, the process-wide one); ``errors``
holds what can go wrong. Import from the modules themselves.
"""
