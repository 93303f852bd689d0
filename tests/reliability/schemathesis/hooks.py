"""Schemathesis hooks: turn each generated case into the wire request PROTOCOL.md describes, and check the
mock's verdict against the spec.

The spec's operation paths are ``/#Action=<Action>`` (docs/adr/0001): a fragment never goes on the wire, so
every request goes to ``/``; each case is judged against its own operation's request schema. Parameters are flattened (``TaskId.0``…), ``PublicKey`` is
added and ``Signature`` computed as the document says (sorted ``key + value``, private key appended, SHA-1 hex)
with the mock's demo key pair. This signer is written from PROTOCOL.md alone; it shares no code with the SDK.

Valid cases go as the generated media type (form or JSON); invalid ones as JSON with typed values, so a type
mistake (``"Limit": "10"``) survives the trip (a form carries only strings). Parameters the spec does not name
are dropped: the gateway ignores them, and a generated name may have no wire form at all.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import schemathesis
import yaml
from schemathesis.core import NotSet
# jsonschema_rs ships with Schemathesis (its own validator): no second pinned package needed.
from jsonschema_rs import Draft7Validator

PUBLIC_KEY = "ucdn-demo-public-key"
PRIVATE_KEY = "ucdn-demo-private-key-not-a-secret"
MAX_SAFE_INTEGER = 2**53 - 1
FORM = "application/x-www-form-urlencoded"

SPEC = yaml.safe_load((Path(__file__).resolve().parents[3] / "openapi" / "ucdn.yaml").read_text())
SCHEMAS = SPEC["components"]["schemas"]


def _resolve(schema):
    """The schema with every local $ref inlined (the spec has no recursion)."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _resolve(SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]])
        return {key: _resolve(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_resolve(item) for item in schema]
    return schema


def _request_schema(path):
    body = SPEC["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    return _resolve(body)


# --- PROTOCOL.md, "Flattening" -------------------------------------------------------------------------------


def plain_decimal(number: float) -> str:
    """The shortest decimal that reads back as ``number``, never in exponent notation."""
    if number == 0:
        return "0"
    text = repr(float(number))
    match = re.fullmatch(r"(-?)(\d+)(?:\.(\d+))?e([+-]\d+)", text)
    if not match:
        return text[:-2] if text.endswith(".0") else text
    sign, whole, fraction, exponent = match.group(1), match.group(2), match.group(3) or "", int(match.group(4))
    digits = (whole + fraction).rstrip("0") or "0"
    point = len(whole) + exponent
    if point <= 0:
        out = "0." + "0" * -point + digits
    elif point >= len(digits):
        out = digits + "0" * (point - len(digits))
    else:
        out = digits[:point] + "." + digits[point:]
    return sign + out


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return plain_decimal(value)
    return str(value)


def flatten(params: dict, prefix: str = "") -> dict[str, str]:
    """``{"TaskId": ["a"], "Tags": {"K": 1}}`` → ``{"TaskId.0": "a", "Tags.K": "1"}``; None is omitted."""
    out: dict[str, str] = {}

    def visit(key, value):
        if value is None:
            return
        if isinstance(value, list):
            for index, item in enumerate(value):
                visit(f"{key}.{index}", item)
        elif isinstance(value, dict):
            for name, item in value.items():
                visit(f"{key}.{name}", item)
        else:
            out[key] = scalar(value)

    for name, value in params.items():
        visit(prefix + name, value)
    return out


# --- PROTOCOL.md, "Signature" --------------------------------------------------------------------------------


def _utf16_order(key: str):
    # Plain code-unit order (UTF-16), as the protocol sorts; Python compares code points.
    return key.encode("utf-16-be", "surrogatepass")


def _well_formed(text: str) -> str:
    # As a JS string: adjacent surrogate halves form one character, a lone half has no UTF-8 form and is
    # hashed as U+FFFD.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _has_lone_surrogate(value) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(char) <= 0xDFFF for char in value)
    if isinstance(value, list):
        return any(_has_lone_surrogate(item) for item in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(item) for item in value.values())
    return False


def sign(flat: dict[str, str]) -> str:
    text = "".join(key + flat[key] for key in sorted((k for k in flat if k != "Signature"), key=_utf16_order))
    return hashlib.sha1(_well_formed(text + PRIVATE_KEY).encode("utf-8")).hexdigest()


# --- What the spec allows ------------------------------------------------------------------------------------

class Operation:
    """One action of the spec: its request schema and validator, its x-scloud-rules, its own RetCodes."""

    def __init__(self, path: str):
        post = SPEC["paths"][path]["post"]
        self.action = post["operationId"]
        self.request = _request_schema(path)
        self.known = set(self.request["properties"])
        self.indexed = {name for name, schema in self.request["properties"].items() if schema.get("type") == "array"}
        self.validator = Draft7Validator(self.request)
        self.rules = self.request.get("x-scloud-rules", [])
        # An allowed request may still be refused with one of these (a quota, the pacing): the spec says so.
        self.ret_codes = {int(code) for code in post.get("x-scloud-ret-codes", {})}


OPERATIONS = {path: Operation(path) for path in SPEC["paths"]}


def _safe_integers(value) -> bool:
    """JS reads a JSON number beyond ±(2^53 − 1) inexactly: no JS client or server can take it as an integer."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) <= MAX_SAFE_INTEGER
    if isinstance(value, float):
        return math.isfinite(value) and (not value.is_integer() or abs(value) <= MAX_SAFE_INTEGER)
    if isinstance(value, list):
        return all(_safe_integers(item) for item in value)
    if isinstance(value, dict):
        return all(_safe_integers(item) for item in value.values())
    return True


def _as_received(body: dict, op: Operation):
    """The parameters as a gateway reads them back from the wire: null sent as nothing (at any depth), an
    indexed list rebuilt from `Name.0`, `Name.1`, … — or None when those indexes have a gap (`[null, "a"]` sends
    only `TaskId.1`), which no valid request has."""
    received = {}
    for name, value in body.items():
        if value is None:
            continue
        if name in op.indexed and isinstance(value, list):
            sent = [item for item in value if item is not None]
            if any(item is None for item in value[: len(sent)]):
                return None
            received[name] = sent
        else:
            received[name] = value
    return received


def spec_allows(body, op: Operation) -> bool:
    """The spec's schema, judged on what reaches the wire, plus its x-scloud-rules and the rules its
    descriptions state."""
    if not isinstance(body, dict):
        return False
    sent = _as_received(body, op)
    if sent is None or not op.validator.is_valid(sent) or not _safe_integers(sent):
        return False
    for rule in op.rules:
        if "requires" in rule:
            first, second = rule["requires"]
            if sent.get(first) is not None and sent.get(second) is None:
                return False
        if "notAfter" in rule:
            first, second = rule["notAfter"]
            if sent.get(first) is not None and sent.get(second) is not None and sent[first] > sent[second]:
                return False
    urls = sent.get("UrlList", [])
    if op.action == "PrefetchNewUcdnDomainCache":  # "files only: a directory cannot be prefetched"
        return not any(url.endswith("/") for url in urls)
    if op.action == "RefreshNewUcdnDomainCache" and sent.get("Type") == "dir":  # "must end with `/`"
        return all(url.endswith("/") for url in urls)
    return True


# --- The hooks -----------------------------------------------------------------------------------------------


def _wire_json(body: dict, op: Operation) -> dict:
    """Flattened keys with typed values: the indexed arrays become ``Name.N``; anything else stays as it is."""
    out = {}
    for name, value in body.items():
        if value is None:
            continue
        if name in op.indexed and isinstance(value, list):
            for index, item in enumerate(value):
                if item is not None:
                    out[f"{name}.{index}"] = item
        else:
            out[name] = value
    return out


def _api_root() -> str:
    # run.sh passes the mock server's URL; the spec's path `/#Action=…` is not a wire path: requests go to `/`.
    parts = urlsplit(os.environ["UCDN_MOCK_URL"])
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


@schemathesis.hook
def before_call(ctx, case, kwargs):
    """The generated case, as the wire request: `kwargs["data"]` replaces the generated body, and the case's
    media type (which sets Content-Type) says how it is encoded."""
    kwargs["url"] = _api_root()
    body = case.body
    if case.method != "POST":
        return  # another method (the coverage phase tries them): the gateway's answer to it is all that counts
    if isinstance(body, NotSet):
        kwargs["data"] = b""  # no body: no parameters, so no Action
        return
    if not isinstance(body, dict):
        # Not a parameter object at all: send it as it is (JSON unless already bytes); the API must refuse it.
        case.media_type = "application/json"
        kwargs["data"] = body if isinstance(body, bytes) else json.dumps(body).encode()
        return
    op = OPERATIONS[case.operation.path]
    known = {key: value for key, value in body.items() if key in op.known}
    # A form is UTF-8 text: a string with a lone surrogate can only travel as a JSON escape.
    if spec_allows(known, op) and case.media_type == FORM and not _has_lone_surrogate(known):
        flat = flatten(known)
        flat["PublicKey"] = PUBLIC_KEY
        flat["Signature"] = sign(flat)
        kwargs["data"] = urlencode(flat).encode()
    else:
        wire = _wire_json(known, op)
        wire["PublicKey"] = PUBLIC_KEY
        wire["Signature"] = sign(flatten(wire))
        case.media_type = "application/json"
        kwargs["data"] = json.dumps(wire).encode()


def _verdict(response):
    try:
        payload = response.json()
    except Exception as error:  # noqa: BLE001 - any undecodable answer is a failure to report
        raise AssertionError(f"the answer is not JSON: {error}") from None
    if not isinstance(payload, dict) or "RetCode" not in payload:
        raise AssertionError(f"the answer has no RetCode: {str(payload)[:200]}")
    return int(payload["RetCode"]), payload.get("Message")


@schemathesis.check
class mock_agrees_with_spec:
    """The mock accepts (RetCode 0) exactly the parameter sets the spec allows (or refuses one with a RetCode its
    action lists in x-scloud-ret-codes: a quota, the pacing, a host not the account's) and answers the rest with
    an API error (HTTP 200, RetCode ≠ 0, a Message), never a signature error: the signing above is right. After the
    run: both verdicts were seen, so neither half of the check ran empty."""

    def __init__(self):
        self.seen = set()

    def after_response(self, ctx, response, case):
        if case.method != "POST":
            return  # not an API call: not_a_server_error and status_code_conformance judge it
        if response.status_code != 200:
            raise AssertionError(f"HTTP {response.status_code}, expected 200 for every API answer")
        ret_code, message = _verdict(response)
        body = case.body
        if isinstance(body, NotSet):
            body = None
        # The coverage phase also sends a valid body under a media type the API does not read (text/plain):
        # then it has no parameters at all, and must be refused.
        sent_type = (response.request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        readable = sent_type in (FORM, "application/json")
        op = OPERATIONS[case.operation.path]
        allowed = readable and isinstance(body, dict) and spec_allows({k: v for k, v in body.items() if k in op.known}, op)
        if allowed and ret_code != 0 and ret_code not in op.ret_codes:
            raise AssertionError(f"the spec allows these parameters, the mock refused them: RetCode {ret_code} {message}")
        if not allowed and ret_code == 0:
            raise AssertionError("the spec forbids these parameters, the mock accepted them (RetCode 0)")
        # A JSON number beyond 2^53 reaches a JS server rounded, so it verifies a different string: 171 is
        # then the honest answer. Anything else signed here must verify.
        exact = _safe_integers(body) if isinstance(body, (dict, list)) else True
        if ret_code in (170, 172) or (ret_code == 171 and exact):
            raise AssertionError(f"RetCode {ret_code} ({message}): the request was not signed as PROTOCOL.md says")
        if ret_code != 0 and not isinstance(message, str):
            raise AssertionError(f"RetCode {ret_code} without a Message")
        self.seen.add("accepted" if ret_code == 0 else "refused")

    def after_run(self, ctx):
        missing = {"accepted", "refused"} - self.seen
        if missing:
            raise AssertionError(f"no request was {' or '.join(sorted(missing))}: the run proved nothing about it")


# Failures already reported and tracked by a failing-expected vitest test; each entry names that test. Remove an
# entry when the bug is fixed (the vitest test then fails and says so).
KNOWN_MOCK_BUGS: set[tuple[str, int]] = set()


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    return (case.method, response.status_code) not in KNOWN_MOCK_BUGS
