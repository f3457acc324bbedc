#!/usr/bin/python3
"""Converts the lab's scikit-learn pickles to the preprocessing JSON of docs/contracts.md.

    /usr/bin/python3 samples/training/convert_sklearn_pickles.py --pickles <dir> --out <ml-artifacts>/preprocessing

<dir> holds user_ohe.pkl, user_std_scaler.pkl, item_ohe.pkl, item_std_scaler.pkl (OneHotEncoder /
StandardScaler, as the original notebooks saved them). Writes user.json and item.json. Column names come from
the encoders' feature_names_in_ when they were fitted on a DataFrame, else from the contract's defaults.

Only unpickle files you trust: pickle runs code.
"""
import argparse
import json
import os
import pickle
import sys

ASCII_WHITESPACE = " \t\n\r\f\v"
DEFAULT_COLUMNS = {
    "user": (["city", "country"], ["creditLimit"]),
    "item": (["productLine", "productScale"], ["quantityInStock", "buyPrice", "MSRP"]),
}


def _columns(encoder, default):
    names = getattr(encoder, "feature_names_in_", None)
    return [str(n) for n in names] if names is not None else list(default)


def spec_from_encoders(ohe, scaler, side, fill_value=0.0):
    """The contract's preprocessing JSON object for one side's fitted OneHotEncoder + StandardScaler."""
    if getattr(ohe, "handle_unknown", "ignore") != "ignore":
        print(f"warning: {side} OneHotEncoder has handle_unknown={ohe.handle_unknown!r}; the contract encodes "
              "unknown values as all zeros (handle_unknown='ignore')", file=sys.stderr)
    if getattr(ohe, "drop", None) is not None:
        raise ValueError(f"{side} OneHotEncoder uses drop={ohe.drop!r}, which the contract cannot express")
    categorical = _columns(ohe, DEFAULT_COLUMNS[side][0])
    numeric = _columns(scaler, DEFAULT_COLUMNS[side][1])
    categories = [[str(c) for c in cats] for cats in ohe.categories_]
    # Encoders fitted on unstripped values ('Norway  ') would break under "strip": declare what was fitted.
    stripped = all(c == c.strip(ASCII_WHITESPACE) for cats in categories for c in cats)
    features = [{"column": col, "kind": "one_hot", "categories": cats} for col, cats in zip(categorical, categories)]
    for j, col in enumerate(numeric):
        features.append({
            "column": col,
            "kind": "standard_scaler",
            "mean": float(scaler.mean_[j]) if scaler.with_mean else 0.0,
            "scale": float(scaler.scale_[j]) if scaler.with_std else 1.0,
            "with_mean": bool(scaler.with_mean),
            "with_std": bool(scaler.with_std),
            "fill_value": float(fill_value),
        })
    if not stripped:
        print(f"warning: {side} categories have leading/trailing whitespace; writing string_normalization "
              "'none' so lookups match what the encoder was fitted on", file=sys.stderr)
    return {"format_version": 1, "string_normalization": "strip" if stripped else "none", "features": features}


def json_text(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def convert(pickle_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for side in ("user", "item"):
        with open(os.path.join(pickle_dir, f"{side}_ohe.pkl"), "rb") as f:
            ohe = pickle.load(f)
        with open(os.path.join(pickle_dir, f"{side}_std_scaler.pkl"), "rb") as f:
            scaler = pickle.load(f)
        path = os.path.join(out_dir, f"{side}.json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(json_text(spec_from_encoders(ohe, scaler, side)))
        written.append(path)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pickles", required=True, help="folder with {user,item}_{ohe,std_scaler}.pkl")
    parser.add_argument("--out", required=True, help="output folder (…/preprocessing)")
    args = parser.parse_args(argv)
    for path in convert(args.pickles, args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
