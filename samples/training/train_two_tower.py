#!/usr/bin/python3
"""Reference two-tower training for the classicmodels sample data (the data scientists' side).

Reads the training table (the customers ⋈ ratings ⋈ products join the Glue job produces; the Java generator
writes the same join as ratings_training.csv), splits it per user (evaluation.py), fits scikit-learn encoders per
side on the training part, trains a user tower and an item tower for retrieval (softmax over the catalog of
user · item / temperature, both unit vectors), evaluates the result against popularity and random baselines, and
writes the artifact layout of docs/contracts.md:

    manifest.json, metrics.json, model/{user,item}_tower.pt (TorchScript), preprocessing/{user,item}.json,
    embeddings/{item,user}_embeddings.csv

`--objective rating-mse` trains the previous model (rating ≈ user · item + bias) on the same split, to compare.

Everything is deterministic: fixed seeds, one thread, deterministic algorithms, and model_version/created_at
derived from the inputs rather than the clock. Run with Debian's interpreter (/usr/bin/python3), which has
python3-torch, python3-sklearn and python3-pandas.
"""
import argparse
import copy
import csv
import hashlib
import json
import os
import random
import sys
import time
import warnings
import zipfile
from datetime import datetime, timezone

import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import evaluation

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

# The retrieval objective's settings (chosen on validation splits with seeds other than the committed 42; see
# samples/README.md).
SOFTMAX = {"temperature": 0.2, "learning_rate": 3e-3, "weight_decay": 1e-4, "batch": 128, "hidden": 64,
           "dropout": 0.2}
# Model selection prefers epochs whose validation rankings are this diverse (the product's targets).
SELECTION_FLOORS = {"coverage_at_10": 0.5, "top1_share": 0.2}
SELECTION_TEXT = ("the epoch with the best validation MRR among those whose validation rankings have "
                  "coverage_at_10 >= 0.5 and top1_share <= 0.2 (else the best validation MRR)")


# ----------------------------------------------------------------------------------------------- data
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
    """Linear(in, 64) → ReLU → [dropout while training] → Linear(64, 32) → [L2 normalization].

    Dropout acts only in training mode, so the traced (eval-mode) TorchScript has no dropout node.
    """

    def __init__(self, input_dim, hidden=64, output_dim=EMBEDDING_DIM, dropout=0.0, normalize=False):
        super().__init__()
        self.hidden = nn.Linear(input_dim, hidden)
        self.out = nn.Linear(hidden, output_dim)
        self.dropout = nn.Dropout(dropout)
        self.normalize = normalize

    def forward(self, x):
        h = torch.relu(self.hidden(x))
        if self.training:
            h = self.dropout(h)
        v = self.out(h)
        return nn.functional.normalize(v, dim=1) if self.normalize else v


class TwoTower(nn.Module):
    """The rating-regression model: rating ≈ user(u) · item(i) + bias (the bias does not change any ranking)."""

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


def train_rating_mse(model, xu, xi, y, val, epochs, seed, lr=1e-3, batch=64, weight_decay=1e-3):
    """The previous objective, kept for comparison: mini-batch Adam on the rating MSE; keeps the weights of the
    epoch with the best validation RMSE."""
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
            best = (score, copy.deepcopy(model.state_dict()), epoch)
    model.load_state_dict(best[1])
    return {"best_epoch": best[2] + 1, "validation_rmse": best[0]}


def train_softmax(user_tower, item_tower, xu, item_index, item_features, validation, epochs, seed):
    """Retrieval objective: for each training interaction, softmax cross-entropy of its item against the whole
    catalog, logits = user · item / temperature (both unit vectors).

    Model selection: after each epoch the validation task (one held-back item per evaluated user, ranked among
    everything but the user's training items) is scored; the kept epoch has the best validation MRR among the
    epochs whose validation rankings meet the diversity floors, or the best MRR if none does.
    """
    params = list(user_tower.parameters()) + list(item_tower.parameters())
    optimizer = torch.optim.Adam(params, lr=SOFTMAX["learning_rate"], weight_decay=SOFTMAX["weight_decay"])
    generator = torch.Generator().manual_seed(seed)
    task, validation_users = validation
    best = None
    for epoch in range(epochs):
        user_tower.train()
        item_tower.train()
        order = torch.randperm(len(item_index), generator=generator)
        for start in range(0, len(order), SOFTMAX["batch"]):
            idx = order[start:start + SOFTMAX["batch"]]
            optimizer.zero_grad()
            logits = user_tower(xu[idx]) @ item_tower(item_features).T / SOFTMAX["temperature"]
            nn.functional.cross_entropy(logits, item_index[idx]).backward()
            optimizer.step()
        user_tower.eval()
        item_tower.eval()
        with torch.no_grad():
            scores = (user_tower(validation_users) @ item_tower(item_features).T).numpy().astype(np.float64)
        m = task.evaluate(lambda j: scores[j])
        diverse = (m["coverage_at_10"] >= SELECTION_FLOORS["coverage_at_10"]
                   and m["top1_share"] <= SELECTION_FLOORS["top1_share"])
        key = (diverse, m["mrr"])
        if best is None or key > best[0]:
            best = (key, copy.deepcopy(user_tower.state_dict()), copy.deepcopy(item_tower.state_dict()), epoch, m)
    user_tower.load_state_dict(best[1])
    item_tower.load_state_dict(best[2])
    user_tower.eval()
    item_tower.eval()
    if not best[0][0]:
        print("warning: no epoch met the diversity floors on validation; kept the best MRR", file=sys.stderr)
    return {"best_epoch": best[3] + 1, "validation": best[4], "met_diversity_floors": best[0][0]}


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
    strip_debug_info(path)


def strip_debug_info(path):
    """Drops TorchScript's *.debug_pkl entries from a saved model.

    They map graph nodes back to Python source lines and record this script's absolute path (Python 3.9+ makes
    __main__'s path absolute), so the same model saved from two clones of the repo would differ byte for byte.
    The model loads and runs without them (check_embeddings re-loads every tower); entries are rewritten stored,
    in their order, with a fixed timestamp, so regeneration is reproducible wherever the repo lives.
    """
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info)) for info in src.infolist()
                   if not info.filename.endswith(".debug_pkl")]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as dst:
        for name, data in entries:
            dst.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    os.replace(tmp, path)


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
def vectors_of(tower, features):
    with torch.no_grad():
        return tower(torch.from_numpy(features)).numpy()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", default="samples/classicmodels/csv")
    parser.add_argument("--out", default="samples/ml-artifacts")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--epochs", type=int, help="default 30 (softmax), 150 (rating-mse)")
    parser.add_argument("--objective", choices=["softmax", "rating-mse"], default="softmax",
                        help="rating-mse is the previous model, kept to compare with")
    parser.add_argument("--allow-worse", action="store_true",
                        help="write the artifacts even if the model does not beat the best popularity baseline")
    args = parser.parse_args(argv)
    set_determinism(args.seed)
    started = time.monotonic()

    data = evaluation.Dataset(args.data_dir)
    table, customers, products = data.table, data.customers, data.products
    split = evaluation.split_interactions(table, args.seed)
    train_rows = table.iloc[split.train]
    user_pre = SidePreprocessor(USER_CATEGORICAL, USER_NUMERIC).fit(train_rows)
    item_pre = SidePreprocessor(ITEM_CATEGORICAL, ITEM_NUMERIC).fit(train_rows)
    t = lambda a: torch.from_numpy(np.ascontiguousarray(a))  # noqa: E731
    item_features = item_pre.transform(products)
    user_features = user_pre.transform(customers)
    xu = t(user_pre.transform(train_rows))

    if args.objective == "softmax":
        user_tower = Tower(user_pre.input_dim, SOFTMAX["hidden"], dropout=SOFTMAX["dropout"], normalize=True)
        item_tower = Tower(item_pre.input_dim, SOFTMAX["hidden"], dropout=SOFTMAX["dropout"], normalize=True)
        position = {code: i for i, code in enumerate(data.item_ids)}
        item_index = torch.tensor([position[c] for c in train_rows["productCode"]], dtype=torch.int64)
        validation_task = evaluation.Task.validation(table, split, data.item_ids)
        row_of = {int(c): r for r, c in enumerate(customers["customerNumber"])}
        validation_users = t(user_features[[row_of[u] for u in validation_task.users]])
        training = train_softmax(user_tower, item_tower, xu, item_index, t(item_features),
                                 (validation_task, validation_users), args.epochs or 30, args.seed)
        training = {"objective": "softmax", **SOFTMAX, "epochs": args.epochs or 30,
                    "selection": SELECTION_TEXT, "selection_floors": SELECTION_FLOORS, **training}
    else:
        y = table["productRating"].to_numpy(dtype=np.float32)
        validation_rows = table.iloc[split.validation]
        model = TwoTower(user_pre.input_dim, item_pre.input_dim, float(y[split.train].mean()))
        validation = (t(user_pre.transform(validation_rows)), t(item_pre.transform(validation_rows)),
                      t(y[split.validation]))
        training = train_rating_mse(model, xu, t(item_pre.transform(train_rows)), t(y[split.train]), validation,
                                    args.epochs or 150, args.seed)
        training = {"objective": "rating-mse", "epochs": args.epochs or 150, **training}
        model.eval()
        user_tower, item_tower = model.user, model.item
    item_vectors = vectors_of(item_tower, item_features)
    user_vectors = vectors_of(user_tower, user_features)

    report = evaluation.evaluate(data, split, user_vectors, item_vectors, evaluation.DEFAULT_BLEND)
    # The blend goes into the manifest only if it beats the user vector alone on the next-item task.
    blend = evaluation.DEFAULT_BLEND if report["next_item"]["session_blend_wins"] else None
    seconds = time.monotonic() - started
    print(f"{args.objective}: best epoch {training['best_epoch']}/{training['epochs']}, trained and evaluated in "
          f"{seconds:.1f} s")
    print(evaluation.report_text(report, f"{args.data_dir}, split seed {args.seed} "
                                         f"({split.describe()['evaluated_users']} evaluated users)"))
    print(f"session blend {'on' if blend else 'off'}: NDCG@10 "
          f"{report['next_item']['session_blend']['ndcg_at_10']:.4f} vs user vector alone "
          f"{report['next_item']['user_only']['ndcg_at_10']:.4f}")
    best = report["baselines"][report["best_popularity_baseline"]]["ndcg_at_10"]
    if not report["model"]["ndcg_at_10"] > best:
        print(f"the model's NDCG@10 {report['model']['ndcg_at_10']:.4f} does not beat the best popularity "
              f"baseline's {best:.4f}" + ("" if args.allow_worse else "; no artifacts written"), file=sys.stderr)
        if not args.allow_worse:
            return 1

    out = args.out
    for sub in ("model", "preprocessing", "embeddings"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    p = lambda rel: os.path.join(out, rel)  # noqa: E731
    save_tower(user_tower, user_pre.input_dim, p("model/user_tower.pt"))
    save_tower(item_tower, item_pre.input_dim, p("model/item_tower.pt"))
    for side, pre in (("user", user_pre), ("item", item_pre)):
        with open(p(f"preprocessing/{side}.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(json_text(pre.spec()))
    # Every product and every customer of the data, rated or not, from their raw features.
    write_embeddings(p("embeddings/item_embeddings.csv"), products["productCode"], item_vectors)
    write_embeddings(p("embeddings/user_embeddings.csv"), customers["customerNumber"], user_vectors)
    worst = max(
        check_embeddings(p("embeddings/item_embeddings.csv"), p("model/item_tower.pt"), item_features,
                         item_pre.input_dim),
        check_embeddings(p("embeddings/user_embeddings.csv"), p("model/user_tower.pt"), user_features,
                         user_pre.input_dim))
    print(f"embeddings CSV vs saved TorchScript towers: max abs difference {worst}")

    model_version = f"classicmodels-{args.seed}-{data_hash(data.paths)}"
    metrics = {
        "format_version": evaluation.METRICS_FORMAT_VERSION,
        "model_version": model_version,
        "seed": args.seed,
        "dataset": data.describe(),
        "split": {**split.describe(), "text": evaluation.SPLIT_TEXT},
        "gate": evaluation.GATE,
        **report,
        "training": training,
    }
    with open(p("metrics.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json_text(metrics))

    files = ["model/user_tower.pt", "model/item_tower.pt", "preprocessing/user.json", "preprocessing/item.json",
             "embeddings/item_embeddings.csv", "embeddings/user_embeddings.csv", "metrics.json"]
    manifest = {
        "format_version": FORMAT_VERSION,
        "model_version": model_version,
        "created_at": created_at(),
        "embedding_dim": EMBEDDING_DIM,
        "distance": "inner_product",
        "item_distance": "cosine",
        "session_blend": blend,
        "user_features": {"preprocessing": "preprocessing/user.json", "columns": USER_CATEGORICAL + USER_NUMERIC,
                          "input_dim": user_pre.input_dim},
        "item_features": {"preprocessing": "preprocessing/item.json", "columns": ITEM_CATEGORICAL + ITEM_NUMERIC,
                          "input_dim": item_pre.input_dim},
        "files": {rel: {"sha256": sha256_file(p(rel)), "bytes": os.path.getsize(p(rel))} for rel in files},
    }
    with open(p("manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json_text(manifest))
    print(f"wrote {out}: model_version {model_version}, user input_dim {user_pre.input_dim}, "
          f"item input_dim {item_pre.input_dim}, {len(products)} items, {len(customers)} users")
    return 0


if __name__ == "__main__":
    sys.exit(main())
