#!/usr/bin/python3
"""Golden cases for a Java implementation of the manifest's session blend (docs/contracts.md "session_blend").

    /usr/bin/python3 samples/training/make_session_blend_golden.py --out <file.json>

Each case gives a blend, a user vector, a catalog (product code → vector; codes missing from it are unknown to
the catalog), a browse history (oldest first, as in a session event) and the expected query vector computed by
evaluation.blend_query, the reference. Vectors are float32 bit patterns (8 hex digits) so a Java test can compare
bit for bit. Inputs are seeded random vectors, independent of any trained model.
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import evaluation  # noqa: E402

DIM = 32


def bits(vector):
    return [f"{int(b):08x}" for b in np.asarray(vector, dtype=np.float32).view(np.uint32)]


def unit(rng, n):
    v = rng.standard_normal((n, DIM)).astype(np.float32)
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def case(name, blend, user, catalog, history):
    index = {code: i for i, code in enumerate(catalog)}
    vectors = np.stack(list(catalog.values())) if catalog else np.zeros((0, DIM), dtype=np.float32)
    query = evaluation.blend_query(user, [(index.get(code), cart) for code, cart in history], vectors, blend)
    return {
        "name": name,
        "blend": blend,
        "user": bits(user),
        "items": {code: bits(v) for code, v in catalog.items()},
        "history": [{"product_code": code, "in_shopping_cart": cart} for code, cart in history],
        "expected": bits(query),
    }


def cases():
    rng = np.random.RandomState(15)
    default = evaluation.DEFAULT_BLEND
    other = {"user_weight": 0.5, "browse_weight": 1.5, "cart_weight": 3.0, "recency_decay": 0.7}
    items = unit(rng, 12)
    catalog = {f"S{18 + i}_{1000 + 37 * i}": items[i] for i in range(12)}
    codes = list(catalog)
    user = unit(rng, 1)[0]
    long_history = [(codes[int(rng.randint(12))], bool(rng.rand() < 0.3)) for _ in range(200)]
    raw = (rng.standard_normal((3, DIM)) * 4).astype(np.float32)  # not unit length
    return [
        case("empty history: the user vector, normalized", default, user, catalog, []),
        case("one browsed item", default, user, catalog, [(codes[0], False)]),
        case("one cart item", default, user, catalog, [(codes[0], True)]),
        case("browse then cart, newest last", default, user, catalog,
             [(codes[1], False), (codes[2], False), (codes[3], True)]),
        case("unknown products are skipped but still age the older items", default, user, catalog,
             [(codes[4], True), ("S99_0000", False), ("S99_0001", True), (codes[5], False)]),
        case("only unknown products", default, user, catalog, [("S99_0000", False)]),
        case("the same product twice counts twice", default, user, catalog,
             [(codes[6], False), (codes[7], False), (codes[6], False)]),
        case("other weights", other, user, catalog, [(codes[8], True), (codes[9], False), (codes[10], True)]),
        case("200 items, the session limit", default, user, catalog, long_history),
        case("vectors that are not unit length", other, raw[0], {"S10_1": raw[1], "S10_2": raw[2]},
             [("S10_1", True), ("S10_2", False)]),
        case("a zero sum falls back to the user vector as it is", default, raw[0], {"S10_1": -raw[0]},
             [("S10_1", False)]),
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    doc = {
        "description": "session blend golden cases (docs/contracts.md \"session_blend\"); vectors are float32 bit "
                       "patterns; history is oldest first; a product code missing from items is unknown to the "
                       "catalog. Made by samples/training/make_session_blend_golden.py.",
        "dim": DIM,
        "cases": cases(),
    }
    # One case per line: small enough to read, compact enough for a 200-item history.
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, ensure_ascii=False)[:-1]
    lines = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in doc["cases"]]
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(head + ', "cases": [\n' + ",\n".join(lines) + "\n]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
