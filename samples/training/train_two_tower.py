#!/usr/bin/python3
"""Reference two-tower training for the classicmodels sample data (the data scientists' side).

Reads the training table (the customers ⋈ ratings ⋈ products join the Glue job produces; the Java generator
writes the same join as ratings_training.csv), fits scikit-learn encoders per side, trains a user tower and an
item tower whose dot product (+ a global bias) predicts the rating, and writes the artifact layout of
docs/contracts.md:

    manifest.json, model/{user,item}_tower.pt (TorchScript), preprocessing/{user,item}.json,
    embeddings/{item,user}_embeddings.csv

Everything is deterministic: fixed seeds, one thread, deterministic algorithms, and model_version/created_at
derived from the inputs rather than the clock. Run with Debian's interpreter (/usr/bin/python3), which has
python3-torch, python3-sklearn and python3-pandas.
"""
import argparse
import csv
import hashlib
import io
import json
import os
import random
import sys
import warnings
from datetime import datetime, timezone

import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.preprocessing import OneHotEncoder, StandardScaler

EMBEDDING_DIM = 32
FORMAT_VERSION = 1
# The characters Python's str.strip() would remove if it were restricted to ASCII whitespace: the contract's
# "strip" normalization. Plain str.strip() would also remove e.g. U+00A0, which Java's side does not.
ASCII_WHITESPACE = " \t\n\r\f\v"
NUMERIC_FILL_VALUE = 0.0

USER_CATEGORICAL = ["city", "country"]
USER_NUMERIC = ["creditLimit"]
ITEM_CATEGORICAL = ["productLine", "productScale"]
ITEM_NUMERIC = ["quantityInStock", "buyPrice", "MSRP"]
# The project's fixed reference instant (also Maven's outputTimestamp); SOURCE_DATE_EPOCH overrides it.
DEFAULT_CREATED_AT = "2026-11-21T00:00:00Z"


# ----------------------------------------------------------------------------------------------- data
def read_csv(path, string_columns):
    """Reads a generator CSV: empty unquoted field = NULL; strings stay strings (no 'NA' → NaN guessing)."""
    return pd.read_csv(path, dtype={c: str for c in string_columns}, keep_default_na=False, na_values=[""],
                       encoding="utf-8")


def normalize_strings(frame, columns):
    out = frame.copy()
    for c in columns:
        if out[c].isna().any():
            raise ValueError(f"column {c} has missing values; the sample data never should")
        out[c] = out[c].map(lambda s: s.strip(ASCII_WHITESPACE))
    return out


def fill_numeric(frame, columns):
    out = frame.copy()
    for c in columns:
        out[c] = out[c].astype("float64").fillna(NUMERIC_FILL_VALUE)
    return out


# ------------------------------------------------------------------------------------ preprocessing
class SidePreprocessor:
    """One OneHotEncoder over the categorical columns + one StandardScaler over the numeric ones."""

    def __init__(self, categorical, numeric):
        self.categorical = categorical
        self.numeric = numeric
        self.ohe = OneHotEncoder(handle_unknown="ignore")
        self.scaler = StandardScaler()

    def fit(self, frame):
        frame = fill_numeric(normalize_strings(frame, self.categorical), self.numeric)
        self.ohe.fit(frame[self.categorical])
        self.scaler.fit(frame[self.numeric])
        return self

    def transform(self, frame):
        """float32[n, input_dim]: one-hot (unknown → zeros), then scaled numerics computed in float64."""
        frame = fill_numeric(normalize_strings(frame, self.categorical), self.numeric)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "unknown categories" is expected for unseen cities
            one_hot = self.ohe.transform(frame[self.categorical]).toarray().astype(np.float32)
        scaled = self.scaler.transform(frame[self.numeric].astype("float64")).astype(np.float32)
        return np.hstack([one_hot, scaled]).astype(np.float32)

    @property
    def input_dim(self):
        return sum(len(c) for c in self.ohe.categories_) + len(self.numeric)

    def spec(self):
        return preprocessing_spec(self.ohe, self.categorical, self.scaler, self.numeric)


def preprocessing_spec(ohe, categorical, scaler, numeric):
    """The contract's preprocessing JSON (docs/contracts.md) for fitted sklearn encoders."""
    features = []
    for column, categories in zip(categorical, ohe.categories_):
        features.append({"column": column, "kind": "one_hot", "categories": [str(c) for c in categories]})
    for j, column in enumerate(numeric):
        features.append({
            "column": column,
            "kind": "standard_scaler",
            # Exact float64 values sklearn fitted; json writes the shortest repr that round-trips.
            "mean": float(scaler.mean_[j]) if scaler.with_mean else 0.0,
            "scale": float(scaler.scale_[j]) if scaler.with_std else 1.0,
            "with_mean": bool(scaler.with_mean),
            "with_std": bool(scaler.with_std),
            "fill_value": NUMERIC_FILL_VALUE,
        })
    return {"format_version": FORMAT_VERSION, "string_normalization": "strip", "features": features}


def json_text(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------------------------------- model
class Tower(nn.Module):
    def __init__(self, input_dim, hidden=64, output_dim=EMBEDDING_DIM):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(input_dim, hidden), nn.ReLU(), nn.Linear(hidden, output_dim))

    def forward(self, x):
        return self.net(x)


class TwoTower(nn.Module):
    """rating ≈ user(u) · item(i) + bias. Serving ranks by the inner product; the bias does not change order."""

    def __init__(self, user_dim, item_dim, mean_rating):
        super().__init__()
        self.user = Tower(user_dim)
        self.item = Tower(item_dim)
        self.bias = nn.Parameter(torch.tensor(float(mean_rating)))

    def forward(self, u, i):
        return (self.user(u) * self.item(i)).sum(dim=1) + self.bias


def set_determinism(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)


def rmse(pred, target):
    return float(np.sqrt(np.mean((np.asarray(pred, dtype=np.float64) - np.asarray(target, dtype=np.float64)) ** 2)))


def train(model, xu, xi, y, val, epochs, seed, lr=1e-3, batch=64, weight_decay=1e-3):
    """Mini-batch Adam on MSE; keeps the weights of the epoch with the best validation RMSE."""
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    generator = torch.Generator().manual_seed(seed)
    best = (float("inf"), None, -1)
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(y), generator=generator)
        for start in range(0, len(y), batch):
            idx = order[start:start + batch]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xu[idx], xi[idx]), y[idx])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            score = rmse(model(val[0], val[1]).numpy(), val[2].numpy())
        if score < best[0]:
            best = (score, {k: v.clone() for k, v in model.state_dict().items()}, epoch)
    model.load_state_dict(best[1])
    return best[2], best[0]


# ---------------------------------------------------------------------------------------- artifacts
def embedding_text(vector):
    # str() of a numpy float32 is its shortest round-trip repr: parsing it as float32 gives the same bits.
    return "[" + ",".join(str(np.float32(v)) for v in vector) + "]"


def write_embeddings(path, ids, vectors):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "embedding"])
        for entity_id, vector in zip(ids, vectors):
            writer.writerow([entity_id, embedding_text(vector)])


def save_tower(tower, input_dim, path):
    tower.eval()
    with torch.no_grad():
        traced = torch.jit.trace(tower, torch.zeros(2, input_dim, dtype=torch.float32))
    traced.save(path)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def data_hash(paths):
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:10]


def created_at():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return DEFAULT_CREATED_AT


def check_embeddings(path, towers_path, features, input_dim):
    """Re-reads an embeddings CSV and the saved TorchScript tower; they must agree to 1e-5."""
    tower = torch.jit.load(towers_path)
    with torch.no_grad():
        expected = tower(torch.from_numpy(features)).numpy()
    rows = pd.read_csv(path, dtype={"id": str}, keep_default_na=False)
    parsed = np.array([np.array(s[1:-1].split(","), dtype=np.float32) for s in rows["embedding"]])
    assert features.shape[1] == input_dim
    worst = float(np.max(np.abs(parsed - expected))) if len(parsed) else 0.0
    if worst > 1e-5:
        raise AssertionError(f"{path}: embeddings differ from the tower by {worst}")
    return worst


# -------------------------------------------------------------------------------------------- main
def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", default="samples/classicmodels/csv")
    parser.add_argument("--out", default="samples/ml-artifacts")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--epochs", type=int, default=150)
    args = parser.parse_args(argv)
    set_determinism(args.seed)

    training_csv = os.path.join(args.data_dir, "ratings_training.csv")
    customers_csv = os.path.join(args.data_dir, "customers.csv")
    products_csv = os.path.join(args.data_dir, "products.csv")
    strings = USER_CATEGORICAL + ITEM_CATEGORICAL + ["productCode", "state", "postalCode"]
    table = read_csv(training_csv, strings)
    customers = read_csv(customers_csv, strings)
    products = read_csv(products_csv, strings)

    user_pre = SidePreprocessor(USER_CATEGORICAL, USER_NUMERIC).fit(table)
    item_pre = SidePreprocessor(ITEM_CATEGORICAL, ITEM_NUMERIC).fit(table)
    xu = user_pre.transform(table)
    xi = item_pre.transform(table)
    y = table["productRating"].to_numpy(dtype=np.float32)

    # 70 / 10 / 20 split, fixed: validation picks the epoch, test is only reported.
    order = np.random.RandomState(args.seed).permutation(len(y))
    n_test, n_val = len(y) // 5, len(y) // 10
    test, val, tr = order[:n_test], order[n_test:n_test + n_val], order[n_test + n_val:]
    t = lambda a: torch.from_numpy(np.ascontiguousarray(a))  # noqa: E731
    mean_rating = float(y[tr].mean())
    model = TwoTower(user_pre.input_dim, item_pre.input_dim, mean_rating)
    best_epoch, val_rmse = train(model, t(xu[tr]), t(xi[tr]), t(y[tr]),
                                 (t(xu[val]), t(xi[val]), t(y[val])), args.epochs, args.seed)
    model.eval()
    with torch.no_grad():
        test_pred = model(t(xu[test]), t(xi[test])).numpy()
    product_means = pd.Series(y[tr]).groupby(table["productCode"].to_numpy()[tr]).mean()
    per_product = np.array([product_means.get(c, mean_rating) for c in table["productCode"].to_numpy()[test]])
    results = [
        ("predict the training mean", rmse(np.full(len(test), mean_rating), y[test])),
        ("per-product mean", rmse(per_product, y[test])),
        ("two-tower (dot + bias)", rmse(test_pred, y[test])),
    ]
    print(f"ratings: {len(y)} (train {len(tr)}, validation {len(val)}, test {len(test)}); "
          f"best epoch {best_epoch + 1}/{args.epochs}, validation RMSE {val_rmse:.4f}")
    print("| model | held-out RMSE |")
    print("|---|---|")
    for name, score in results:
        print(f"| {name} | {score:.4f} |")
    if not results[-1][1] < results[0][1]:
        print("two-tower model does not beat the mean baseline", file=sys.stderr)
        return 1

    out = args.out
    for sub in ("model", "preprocessing", "embeddings"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    files = {
        "model/user_tower.pt": None, "model/item_tower.pt": None,
        "preprocessing/user.json": None, "preprocessing/item.json": None,
        "embeddings/item_embeddings.csv": None, "embeddings/user_embeddings.csv": None,
    }
    p = lambda rel: os.path.join(out, rel)  # noqa: E731
    save_tower(model.user, user_pre.input_dim, p("model/user_tower.pt"))
    save_tower(model.item, item_pre.input_dim, p("model/item_tower.pt"))
    for side, pre in (("user", user_pre), ("item", item_pre)):
        with open(p(f"preprocessing/{side}.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(json_text(pre.spec()))

    # Every product and every customer of the sample data, rated or not, from their raw features.
    item_features = item_pre.transform(products)
    user_features = user_pre.transform(customers)
    with torch.no_grad():
        item_vectors = model.item(torch.from_numpy(item_features)).numpy()
        user_vectors = model.user(torch.from_numpy(user_features)).numpy()
    write_embeddings(p("embeddings/item_embeddings.csv"), products["productCode"], item_vectors)
    write_embeddings(p("embeddings/user_embeddings.csv"), customers["customerNumber"], user_vectors)
    worst = max(
        check_embeddings(p("embeddings/item_embeddings.csv"), p("model/item_tower.pt"), item_features,
                         item_pre.input_dim),
        check_embeddings(p("embeddings/user_embeddings.csv"), p("model/user_tower.pt"), user_features,
                         user_pre.input_dim))
    print(f"embeddings CSV vs saved TorchScript towers: max abs difference {worst}")

    manifest = {
        "format_version": FORMAT_VERSION,
        "model_version": f"classicmodels-{args.seed}-{data_hash([training_csv, customers_csv, products_csv])}",
        "created_at": created_at(),
        "embedding_dim": EMBEDDING_DIM,
        "distance": "inner_product",
        "user_features": {"preprocessing": "preprocessing/user.json", "columns": USER_CATEGORICAL + USER_NUMERIC,
                          "input_dim": user_pre.input_dim},
        "item_features": {"preprocessing": "preprocessing/item.json", "columns": ITEM_CATEGORICAL + ITEM_NUMERIC,
                          "input_dim": item_pre.input_dim},
        "files": {rel: {"sha256": sha256_file(p(rel)), "bytes": os.path.getsize(p(rel))} for rel in files},
    }
    with open(p("manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json_text(manifest))
    print(f"wrote {out}: model_version {manifest['model_version']}, user input_dim {user_pre.input_dim}, "
          f"item input_dim {item_pre.input_dim}, {len(products)} items, {len(customers)} users")
    return 0


if __name__ == "__main__":
    sys.exit(main())
