#!/usr/bin/env python3
"""SigV4 test vectors for Stocksy's signer and the emulator's verifier, signed by botocore.

Signs a matrix of requests with botocore's SigV4Auth (fixed credentials, a fixed timestamp,
service "execute-api" and region "us-east-1", as stockterm's Stocksy client signs them) and
prints one JSON document: for each vector, the logical request (what a client means: the
unencoded path, the decoded query pairs, headers, body), the request as it goes on the wire
(method, request target, headers, body), botocore's canonical request, string to sign and
Authorization header, and, where botocore departs from AWS's specification, the spec's.

    scripts/sigv4-vectors.py > Tests/StockSandboxTests/SigV4Vectors/botocore-vectors.json

The output depends on nothing but botocore's signing code: the same on every machine, save the
`botocore` version field. The tests read the committed file; SigV4Tests runs this script again
when botocore is importable and compares (docs/services.md, "SigV4: the specification, botocore
and us").

How botocore signs, in two modes:
- "params": the query is given as pairs (what botocore's clients do). botocore encodes each name
  and value with RFC 3986's unreserved set, sorts by (name, value): the specification's canonical
  query. On the wire it puts urlencode(pairs), so a space travels as '+'.
- "url": the query is part of the URL (what a presigned URL or a raw request does). botocore
  splits it on '&' and '=' and sorts the pieces as they are written, without decoding or
  encoding: lower-case escapes, raw characters, '%7E' and a raw '+' are signed verbatim, where
  the specification canonicalises them. Those vectors carry the specification's answer too.
"""
import json
import sys
from urllib.parse import quote, unquote_to_bytes, urlsplit

import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = "ASIASTOCKSYVECTORS001"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "SESSIONTOKEN/example+token=="
TIMESTAMP = "20261123T032742Z"
REGION = "us-east-1"
SERVICE = "execute-api"
ORIGIN = "http://127.0.0.1:8080"
API_KEY = "stocksy-sandbox-key-6e21b9"


def sign(method, target, params=None, headers=(), body=b""):
    """botocore's signature of `method` `target` (path and query as on the wire, the query
    possibly completed from `params`), with the fixed clock: add_auth's own steps, called one by
    one so that no version of botocore reads the real clock."""
    request = AWSRequest(method=method, url=ORIGIN + target, params=[tuple(p) for p in params or []],
                         headers=dict(headers), data=body)
    auth = SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, TOKEN), SERVICE, REGION)
    request.context["timestamp"] = TIMESTAMP
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    to_sign = auth.string_to_sign(request, canonical)
    signature = auth.signature(to_sign, request)
    auth._inject_signature_to_request(request, signature)
    prepared = request.prepare()
    return {
        "canonical_request": canonical,
        "string_to_sign": to_sign,
        "authorization": request.headers["Authorization"],
        "prepared_url": prepared.url,
        "headers": [[k, v] for k, v in prepared.headers.items()],
        "body": (prepared.body or b"").decode("utf-8"),
    }


def target_of(url):
    """The request target of an absolute URL: path and query as written."""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def decoded_pairs(raw_query):
    """The pairs a server reads from a raw query ('+' is a space, escapes in either case)."""
    if not raw_query:
        return []
    pairs = []
    for piece in raw_query.split("&"):
        name, _, value = piece.partition("=")
        pairs.append([unquote_to_bytes(name.replace("+", " ")).decode("utf-8"),
                      unquote_to_bytes(value.replace("+", " ")).decode("utf-8")])
    return pairs


def wire_headers(signed, extra=()):
    """Header lines as a client would send them, Host first."""
    host = urlsplit(signed["prepared_url"]).netloc
    lines = [["Host", host]] + [[k, v] for k, v in signed["headers"] if k.lower() != "host"]
    return lines + [list(h) for h in extra]


def vector(name, about, method="GET", path="/search", params=None, raw_query=None, send_query=None,
           headers=(), body=b"", send_path=None):
    """One vector. `params`: pairs signed in botocore's params mode. `raw_query`: a query signed
    in url mode as written. `send_query`/`send_path`: what goes on the wire instead of what
    botocore would put there (the same request, written differently)."""
    base_headers = [("x-api-key", API_KEY)] + list(headers)
    target = path + ("?" + raw_query if raw_query is not None else "")
    signed = sign(method, target, params=params, headers=base_headers, body=body)
    wire_target = target_of(signed["prepared_url"])
    if send_query is not None or send_path is not None:
        wire_path = send_path if send_path is not None else urlsplit(signed["prepared_url"]).path
        query = send_query if send_query is not None else urlsplit(signed["prepared_url"]).query
        wire_target = wire_path + ("?" + query if query else "")
    query_pairs = [list(p) for p in params] if params is not None else decoded_pairs(raw_query)
    entry = {
        "name": name,
        "about": about,
        "signed_as": "params" if params is not None else "url",
        "logical": {
            "method": method,
            "path": unquote_to_bytes(path).decode("utf-8"),
            "query": query_pairs,
            "headers": [list(h) for h in base_headers],
            "body": body.decode("utf-8"),
        },
        "wire": {
            "method": method,
            "target": wire_target,
            "headers": wire_headers(signed),
            "body": signed["body"],
        },
        "botocore": {k: signed[k] for k in ("canonical_request", "string_to_sign", "authorization")},
    }
    if params is None and raw_query is not None:
        # The specification's reading of the same request: decode what was sent, encode each
        # name and value once, sort by name then value. botocore's params mode does exactly that.
        spec = sign(method, path, params=query_pairs, headers=base_headers, body=body)
        if spec["canonical_request"] != signed["canonical_request"]:
            entry["spec"] = {k: spec[k] for k in ("canonical_request", "string_to_sign", "authorization")}
    return entry


def vectors():
    form = "email=%D0%BA%D0%BE%D1%82%40example.com&note=a+b".encode()
    return [
        vector("get-plain", "a query of unreserved characters",
               params=[("query", "lake"), ("limit", "5")]),
        vector("encoded-comma", "a comma in a value: %2C on the wire and in the canonical query",
               params=[("query", "lake,ice"), ("limit", "5")]),
        vector("raw-comma-on-wire", "signed in canonical form (%2C), sent with the comma raw",
               params=[("query", "lake,ice"), ("limit", "5")], send_query="query=lake,ice&limit=5"),
        vector("space-as-plus", "a space: botocore sends '+' and signs %20",
               params=[("query", "night city")]),
        vector("space-as-percent-20", "the same request with the space sent as %20",
               params=[("query", "night city")], send_query="query=night%20city"),
        vector("cyrillic", "Cyrillic in a value: UTF-8, each byte escaped in upper-case hex",
               params=[("query", "кот на льду"), ("limit", "5")]),
        vector("cyrillic-raw-on-wire", "signed in canonical form, sent as raw UTF-8 bytes",
               params=[("query", "кот"), ("limit", "5")], send_query="query=кот&limit=5"),
        vector("cyrillic-key", "Cyrillic in a name",
               params=[("ключ", "значение")]),
        vector("repeated-keys", "one name twice: sorted by value in the canonical query",
               params=[("facet_orientation", "tall"), ("facet_orientation", "square"), ("limit", "5")]),
        vector("repeated-keys-other-order", "the same pairs in another order: the same signature",
               params=[("limit", "5"), ("facet_orientation", "square"), ("facet_orientation", "tall")]),
        vector("repeated-keys-upper-case-value", "sorted by byte: 'Square' before 'square'",
               params=[("facet", "square"), ("facet", "Square"), ("facet", "_x")]),
        vector("key-prefix-order", "names sorted as names: 'a' before 'a-b' ('-' sorts before '=')",
               params=[("a-b", "1"), ("a", "2"), ("a.c", "3"), ("a_d", "4")]),
        vector("empty-value", "an empty value is signed as 'name='",
               params=[("query", ""), ("limit", "5")]),
        vector("key-without-equals", "a name without '=' is signed as 'name='",
               raw_query="flag&limit=5"),
        vector("lower-case-hex-on-wire", "signed in canonical form (%2C), sent with %2c",
               params=[("query", "lake,ice")], send_query="query=lake%2cice"),
        vector("lower-case-hex-url-signed", "botocore signs %2c as written; the spec signs %2C",
               raw_query="query=lake%2cice"),
        vector("tilde", "'~' is unreserved: never escaped",
               params=[("query", "a~b")]),
        vector("tilde-escaped-url-signed", "sent and signed as %7E by botocore; the spec decodes it to '~'",
               raw_query="query=a%7Eb"),
        vector("plus-in-value", "a literal '+' travels as %2B and is signed as %2B",
               params=[("query", "1+1")]),
        vector("plus-url-signed", "a raw '+' in a URL: botocore signs '+', the spec reads a space (%20)",
               raw_query="query=night+city"),
        vector("star", "'*' is reserved: %2A in the canonical query",
               params=[("query", "a*b")]),
        vector("reserved-raw-on-wire", "sub-delimiters, ':', '@', '/' and '?' sent raw, signed escaped",
               params=[("q", "a!$'()*,;:@/?b")], send_query="q=a!$'()*,;:@/?b"),
        vector("raw-comma-url-signed", "botocore signs a raw comma as written; the spec signs %2C",
               raw_query="query=lake,ice"),
        vector("sort-after-encoding-url-signed", "botocore sorts the escapes as written (%7E after 'a')",
               raw_query="b=%7E&b=a"),
        vector("path-reserved", "reserved characters in the path: sent raw, escaped once in the canonical URI",
               path="/assets/a,b;c=d:e@f!g$h'i(j)k*l+m"),
        vector("path-space", "a space in the path: %20 on the wire, %2520 in the canonical URI (escaped twice)",
               path="/assets/night%20city"),
        vector("path-cyrillic", "Cyrillic in the path: escaped twice in the canonical URI",
               path="/assets/%D0%BA%D0%BE%D1%82"),
        vector("path-lower-case-hex", "a lower-case escape in the path is escaped again as written",
               path="/assets/a%2cb"),
        vector("path-dot-segments", "'.', '..' and empty segments are removed from the canonical URI",
               path="/assets/./x/../12345//"),
        vector("header-spaces", "header values trimmed, runs of spaces made one",
               params=[("limit", "5")], headers=[("X-Stocksy-Note", "  two   spaces  here ")]),
        vector("post-json", "a POST with a JSON body: the body's SHA-256 is signed",
               method="POST", path="/purchases", headers=[("Content-Type", "application/json")],
               body='{"products":[{"id":101,"licenses":[]}],"reference":"кот"}'.encode()),
        vector("post-form", "a POST with a form body and a query",
               method="POST", path="/login", params=[("source", "stockterm")],
               headers=[("Content-Type", "application/x-www-form-urlencoded")], body=form),
    ]


def main():
    document = {
        "generator": "scripts/sigv4-vectors.py",
        "botocore": botocore.__version__,
        "credentials": {"access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "session_token": TOKEN},
        "timestamp": TIMESTAMP,
        "region": REGION,
        "service": SERVICE,
        "origin": ORIGIN,
        "vectors": vectors(),
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
