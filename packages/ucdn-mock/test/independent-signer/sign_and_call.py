#!/usr/bin/env python3
"""An independent implementation of PROTOCOL.md, for contract tests: flatten, sign (SHA-1), send.

It shares no code with @scloud/signer or the mock: it is written from the protocol document alone, so a
mock that agrees with it agrees with the document. Standard library only.

Reads one JSON object on stdin (keys stay off the command line):
  {"url": "...", "publicKey": "...", "privateKey": "...", "params": {...}, "encoding": "form"}
`params` are logical parameters (lists stay lists); `encoding` is "form" (default), "json" or "query".
Prints {"status": int, "requestId": str|null, "body": <JSON answer>} on stdout.

`--self-test` checks the signature against the worked example of PROTOCOL.md and exits.
"""
import hashlib
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal


def format_scalar(value):
    """The wire text of a scalar: booleans true/false, integers base 10, other numbers without exponent."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        # repr() is the shortest round-tripping decimal; Decimal writes it out without an exponent.
        return format(Decimal(repr(value)), "f")
    return str(value)


def flatten(params, prefix=""):
    """Arrays become Name.0, Name.1, ...; objects Name.Key; None is omitted. Values keep their JSON type."""
    flat = {}
    for key, value in params.items():
        name = prefix + key
        if value is None:
            continue
        if isinstance(value, list):
            flat.update(flatten({str(i): item for i, item in enumerate(value)}, name + "."))
        elif isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def signature(flat, private_key):
    """SHA-1 of the keys sorted by UTF-16 code unit, each followed by its value, then the private key."""
    ordered = sorted((k for k in flat if k != "Signature"), key=lambda k: k.encode("utf-16-be"))
    text = "".join(k + format_scalar(flat[k]) for k in ordered) + private_key
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def call(url, public_key, private_key, params, encoding="form"):
    flat = flatten(params)
    flat["PublicKey"] = public_key
    flat["Signature"] = signature(flat, private_key)
    as_text = {k: format_scalar(v) for k, v in flat.items()}
    if encoding == "query":
        request = urllib.request.Request(url + "/?" + urllib.parse.urlencode(as_text), method="GET")
    elif encoding == "json":
        request = urllib.request.Request(
            url + "/", data=json.dumps(flat).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/json"},
        )
    else:
        request = urllib.request.Request(
            url + "/", data=urllib.parse.urlencode(as_text).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    try:
        body = json.loads(raw.decode("utf-8"))
    except ValueError:
        body = raw.decode("utf-8", "replace")
    return {"status": status, "requestId": headers.get("X-UCLOUD-REQUEST-UUID"), "body": body}


def self_test():
    flat = {"Action": "DescribeUHostInstance", "Region": "cn-bj2", "Limit": 10,
            "PublicKey": "ucloudsomeone@example.com1296235120854146120"}
    got = signature(flat, "46f09bb9fab4f12dfc160dae12273d5332b5debe")
    assert got == "cba5cf5ec4d4233d206b1b54951e3787350a642f", got
    assert format_scalar(65.722) == "65.722" and format_scalar(1e-7) == "0.0000001"
    assert flatten({"TaskId": ["a", "b"], "X": None}) == {"TaskId.0": "a", "TaskId.1": "b"}
    assert sorted(["TaskId.2", "TaskId.10", "CPU", "ChargeType"], key=lambda k: k.encode("utf-16-be")) == [
        "CPU", "ChargeType", "TaskId.10", "TaskId.2"]
    print(json.dumps({"selfTest": "ok"}))


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    else:
        job = json.load(sys.stdin)
        print(json.dumps(call(job["url"], job["publicKey"], job["privateKey"], job["params"],
                              job.get("encoding", "form"))))
