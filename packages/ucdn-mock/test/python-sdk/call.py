"""A client of the standalone mock written as another team would write it: UCloud's official Python SDK
(ucloud-sdk-python3, pinned in requirements.txt). Reads one JSON job on stdin, writes one JSON result.

job: {"baseUrl", "publicKey", "privateKey", "action", "params", "style": "invoke" | "typed", "maxRetries"}
"invoke" is the SDK's generic Client.invoke(action, args); "typed" its UCDN client method for the action
(e.g. describe_new_ucdn_prefetch_cache_task), which also validates the answer against the SDK's schema.
"""
import json
import logging
import re
import sys

from ucloud.client import Client
from ucloud.core import exc


def snake_case(action):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", action).lower()


def main():
    job = json.load(sys.stdin)
    logger = logging.getLogger("ucloud-sdk-contract")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    client = Client(
        {
            "base_url": job["baseUrl"],
            "public_key": job["publicKey"],
            "private_key": job["privateKey"],
            "region": "cn-bj2",
            "timeout": 10,
            "max_retries": job.get("maxRetries", 0),
        },
        logger=logger,
    )
    params = job.get("params", {})
    try:
        if job.get("style", "invoke") == "typed":
            method = getattr(client.ucdn(), snake_case(job["action"]))
            response = method(params)
        else:
            response = client.invoke(job["action"], params)
        out = {"ok": True, "response": response}
    except exc.RetCodeException as e:
        out = {"ok": False, "error": "RetCodeException", "retCode": e.code, "message": e.message}
    except exc.UCloudException as e:
        out = {"ok": False, "error": type(e).__name__, "message": str(e)}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
