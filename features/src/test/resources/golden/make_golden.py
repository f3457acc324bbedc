#!/usr/bin/python3
"""Golden vectors for the Java feature encoder, produced by real scikit-learn.

Run with Debian's Python (it has python3-sklearn 1.2.1 and python3-pandas 1.5.3):

    /usr/bin/python3 features/src/test/resources/golden/make_golden.py

It rewrites, next to itself:
  rows.json                         transform-time input rows (raw values: None, unknown categories,
                                    untrimmed and non-ASCII strings, missing numbers)
  <case>.preprocessing.json         the fitted encoders in the contract's preprocessing format
  <case>.expected.json              per row, the encoded vector as float32 bit patterns (8 hex digits)

Cases: "standard" (with_mean and with_std), "no_mean" (with_mean=False), "no_std" (with_std=False).

How the contract maps onto scikit-learn:
  * one_hot         = OneHotEncoder(handle_unknown="ignore"), fitted on strip(" \t\n\r\f\v")-normalized values;
                      at transform the same normalization is applied; a missing value (None) is replaced by a
                      sentinel that is never a category, which is what "missing → all zeros" means.
  * standard_scaler = SimpleImputer(strategy="constant", fill_value=f) then StandardScaler, so "fill first,
                      then scale" (fill_value takes part in the fit like any value).
  * The ColumnTransformer output (float64) is cast to float32 with numpy, the same IEEE rounding Java's
    (float) cast uses.
The Maven build never runs this script: its outputs are committed.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
WS = " \t\n\r\f\v"
MISSING = "\x00missing"  # never a category: stands for None at transform time

CATEGORICAL = ["city", "country"]
# column → fill_value of its SimpleImputer
NUMERIC = {"creditLimit": 0.0, "huge": 5e11, "tiny": 0.0, "constant": 7.0}


def norm(v):
    return v.strip(WS) if isinstance(v, str) else v


def training_frame(rng):
    cities = ["Nantes", "Boston", "München", "Genève", "東京", "NYC", "Lyon  ", " Madrid"]
    countries = ["France", "USA", "Germany", "Switzerland", "Japan", "Norway  ", "Spain"]
    n = 60
    rows = []
    for i in range(n):
        rows.append({
            "city": cities[i % len(cities)],
            "country": countries[i % len(countries)],
            "creditLimit": None if i % 11 == 3 else float(rng.integers(0, 250000)) + 0.5 * (i % 2),
            "huge": None if i % 13 == 5 else float(rng.uniform(1e12, 9e12)),
            "tiny": None if i % 17 == 2 else float(rng.uniform(1e-12, 9e-12)),
            "constant": 7.0,
        })
    return pd.DataFrame(rows)


def transform_rows(rng):
    return [
        {"city": "Nantes", "country": "France", "creditLimit": 21000.0, "huge": 3.5e12, "tiny": 4.2e-12, "constant": 7.0},
        {"city": "München", "country": "Germany", "creditLimit": 118200.0, "huge": 1e12, "tiny": 1e-12, "constant": 7.0},
        {"city": "東京", "country": "Japan", "creditLimit": 0.0, "huge": 9.999999e12, "tiny": 9.5e-12, "constant": 7.0},
        # untrimmed values match their trimmed category
        {"city": " Genève\t", "country": "Norway  ", "creditLimit": 71800.5, "huge": 2e12, "tiny": 3e-12, "constant": 7.0},
        {"city": "Lyon", "country": "\nSpain\r\n", "creditLimit": 1e9, "huge": 0.0, "tiny": 0.0, "constant": 7.0},
        # unknown categories → all zeros; case matters; non-ASCII spaces are NOT stripped
        {"city": "Paris", "country": "france", "creditLimit": 5.0, "huge": 1.5e12, "tiny": 2.5e-12, "constant": 8.0},
        {"city": "Genève\u00a0", "country": "\u3000Japan", "creditLimit": 12.25, "huge": 4e12, "tiny": 5e-12, "constant": 6.0},
        # missing values: one-hot zeros, numbers take the fill value
        {"city": None, "country": None, "creditLimit": None, "huge": None, "tiny": None, "constant": None},
        {"city": "Boston", "country": "USA", "creditLimit": float(rng.uniform(0, 250000)),
         "huge": float(rng.uniform(1e12, 9e12)), "tiny": float(rng.uniform(1e-12, 9e-12)), "constant": 7.0},
        {"city": "NYC", "country": "USA", "creditLimit": float(rng.uniform(0, 250000)),
         "huge": float(rng.uniform(1e12, 9e12)), "tiny": float(rng.uniform(1e-12, 9e-12)), "constant": 7.0},
    ]


def fit(train, with_mean, with_std):
    transformers = []
    for c in CATEGORICAL:
        transformers.append((c, OneHotEncoder(handle_unknown="ignore", sparse_output=False), [c]))
    for c, fill in NUMERIC.items():
        pipe = Pipeline([
            ("fill", SimpleImputer(strategy="constant", fill_value=fill)),
            ("scale", StandardScaler(with_mean=with_mean, with_std=with_std)),
        ])
        transformers.append((c, pipe, [c]))
    ct = ColumnTransformer(transformers, remainder="drop", sparse_threshold=0)
    prepared = train.copy()
    for c in CATEGORICAL:
        prepared[c] = prepared[c].map(norm)
    for c in NUMERIC:
        prepared[c] = prepared[c].astype("float64")
    ct.fit(prepared)
    return ct


def export(ct, with_mean, with_std):
    features = []
    for name, transformer, cols in ct.transformers_:
        if name in CATEGORICAL:
            features.append({"column": name, "kind": "one_hot",
                             "categories": [str(v) for v in transformer.categories_[0]]})
        elif name in NUMERIC:
            scaler = transformer.named_steps["scale"]
            features.append({"column": name, "kind": "standard_scaler",
                             "mean": float(scaler.mean_[0]),
                             # with_std=False leaves scale_ None; 1.0 is the neutral value the contract accepts
                             "scale": float(scaler.scale_[0]) if scaler.scale_ is not None else 1.0,
                             "with_mean": with_mean, "with_std": with_std,
                             "fill_value": NUMERIC[name]})
    return {"format_version": 1, "string_normalization": "strip", "features": features}


def encode(ct, rows):
    df = pd.DataFrame(rows)
    for c in CATEGORICAL:
        df[c] = df[c].map(lambda v: MISSING if v is None else norm(v))
    for c in NUMERIC:
        df[c] = df[c].astype("float64")  # None → NaN, which SimpleImputer fills
    out = ct.transform(df).astype(np.float32)
    return [["%08x" % v for v in row.view(np.uint32)] for row in out]


def write(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    rng = np.random.default_rng(42)
    train = training_frame(rng)
    rows = transform_rows(rng)
    write("rows.json", {"generated_by": "scikit-learn " + sklearn.__version__ + ", pandas " + pd.__version__,
                        "rows": rows})
    for case, with_mean, with_std in [("standard", True, True), ("no_mean", False, True), ("no_std", True, False)]:
        ct = fit(train, with_mean, with_std)
        write(case + ".preprocessing.json", export(ct, with_mean, with_std))
        write(case + ".expected.json", {"vectors": encode(ct, rows)})


if __name__ == "__main__":
    main()
