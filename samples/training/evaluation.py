#!/usr/bin/python3
"""Offline evaluation of a two-tower model: the metrics.json of docs/contracts.md.

train_two_tower.py imports it and writes metrics.json next to the artifacts it trains. As a command it
re-evaluates any artifact folder (its embeddings CSVs and manifest) on any classicmodels data folder and prints
the same tables:

    /usr/bin/python3 samples/training/evaluation.py --artifacts samples/ml-artifacts \\
        --data-dir samples/classicmodels/csv [--seed N] [--json out.json]

The split, the metrics, the baselines, the next-item task and the session blend are specified in
docs/contracts.md ("metrics.json", "session_blend"); this file is their reference implementation.
"""
import argparse
import csv
import hashlib
import json
import math
import os
import sys

import numpy as np
import pandas as pd

K = 10
SIMILAR_K = 5
TEST_SHARE = 0.3
MIN_TEST_ITEMS = 2
VALIDATION_ITEMS = 1
# A user needs this many ratings to be evaluated: 2 test + 1 validation + at least 2 to train on.
MIN_RATINGS_TO_EVALUATE = 5
# Popularity by mean rating is damped towards the global mean by this many pseudo-ratings (a Bayesian average):
# the plain mean would put an item rated once with 5 stars first.
MEAN_RATING_PRIOR = 5.0
METRICS_FORMAT_VERSION = 1
RETRIEVAL_METRICS = ["recall_at_10", "ndcg_at_10", "mrr", "coverage_at_10", "top1_share"]
# What a quality gate compares, and which way is better.
GATE = {
    "primary": "ndcg_at_10",
    "direction": {"ndcg_at_10": "higher", "recall_at_10": "higher", "mrr": "higher", "coverage_at_10": "higher",
                  "top1_share": "lower"},
}
DISTANCES = ("inner_product", "cosine")
# The session blend training proposes (docs/contracts.md "session_blend"). user_weight was chosen on the
# next-item task of splits with seeds other than the committed 42 (samples/README.md); cart_weight and
# recency_decay are product choices the offline data cannot measure: ratings have no cart and no order.
DEFAULT_BLEND = {"user_weight": 1.0, "browse_weight": 1.0, "cart_weight": 2.0, "recency_decay": 0.9}
SPLIT_TEXT = (
    "Users in ascending customerNumber, each user's ratings in ascending productCode, shuffled by one numpy "
    "RandomState(seed). A user with at least min_ratings_to_evaluate ratings gives the first "
    "max(min_test_items, round(test_share * n)) of the shuffle to test, the next validation_items to validation "
    "(model selection only) and the rest to training; other users train only and are not evaluated. A test "
    "user's ranking covers every catalog item except their training and validation items; relevant = their test "
    "items.")
STRING_COLUMNS = ["city", "country", "productLine", "productScale", "productCode", "state", "postalCode"]


# -------------------------------------------------------------------------------------------------- data
def read_csv(path):
    """A generator CSV: empty unquoted field = NULL; strings stay strings (no 'NA' → NaN guessing)."""
    return pd.read_csv(path, dtype={c: str for c in STRING_COLUMNS}, keep_default_na=False, na_values=[""],
                       encoding="utf-8")


class Dataset:
    """The three tables the evaluation needs, from a classicmodels CSV folder."""

    FILES = ("ratings_training.csv", "customers.csv", "products.csv")

    def __init__(self, data_dir):
        self.paths = [os.path.join(data_dir, f) for f in self.FILES]
        self.table, self.customers, self.products = (read_csv(p) for p in self.paths)
        self.item_ids = self.products["productCode"].tolist()

    def sha256(self):
        h = hashlib.sha256()
        for p in self.paths:
            with open(p, "rb") as f:
                h.update(f.read())
        return h.hexdigest()

    def describe(self):
        return {
            "files": list(self.FILES),
            "sha256": self.sha256(),
            "ratings": int(len(self.table)),
            "users_with_ratings": int(self.table["customerNumber"].nunique()),
            "customers": int(len(self.customers)),
            "items": int(len(self.products)),
        }


# ------------------------------------------------------------------------------------------------- split
class Split:
    """Per-user leave-some-out split of a ratings table: row indexes of train, validation and test."""

    def __init__(self, train, validation, test, evaluated_users, train_only_users, seed):
        self.train = np.asarray(train, dtype=np.int64)
        self.validation = np.asarray(validation, dtype=np.int64)
        self.test = np.asarray(test, dtype=np.int64)
        self.evaluated_users = list(evaluated_users)
        self.train_only_users = list(train_only_users)
        self.seed = seed

    def describe(self):
        return {
            "method": "per-user leave-some-out",
            "seed": self.seed,
            "test_share": TEST_SHARE,
            "min_test_items": MIN_TEST_ITEMS,
            "validation_items": VALIDATION_ITEMS,
            "min_ratings_to_evaluate": MIN_RATINGS_TO_EVALUATE,
            "evaluated_users": len(self.evaluated_users),
            "train_only_users": len(self.train_only_users),
            "train_interactions": int(len(self.train)),
            "validation_interactions": int(len(self.validation)),
            "test_interactions": int(len(self.test)),
        }


def split_interactions(table, seed):
    """Users in ascending customerNumber, each user's ratings in ascending productCode, shuffled by one
    RandomState(seed). A user with at least MIN_RATINGS_TO_EVALUATE ratings gives the first
    max(MIN_TEST_ITEMS, round(TEST_SHARE * n)) of the shuffle to test (in that order: the next-item task reads it
    as a browsing sequence), the next VALIDATION_ITEMS to validation and the rest to training; other users train
    only."""
    rng = np.random.RandomState(seed)
    order = table.sort_values(["customerNumber", "productCode"], kind="mergesort")
    train, validation, test, evaluated, train_only = [], [], [], [], []
    for user, rows in order.groupby("customerNumber", sort=True):
        idx = rows.index.to_numpy()
        if len(idx) < MIN_RATINGS_TO_EVALUATE:
            train.extend(idx.tolist())
            train_only.append(int(user))
            continue
        shuffled = idx[rng.permutation(len(idx))]
        n_test = max(MIN_TEST_ITEMS, int(round(TEST_SHARE * len(idx))))
        test.extend(shuffled[:n_test].tolist())
        validation.extend(shuffled[n_test:n_test + VALIDATION_ITEMS].tolist())
        train.extend(shuffled[n_test + VALIDATION_ITEMS:].tolist())
        evaluated.append(int(user))
    return Split(sorted(train), sorted(validation), test, evaluated, train_only, seed)


# ----------------------------------------------------------------------------------------------- metrics
def rank_items(scores, excluded=()):
    """Item indexes by descending score, ties by ascending index, without the `excluded` indexes."""
    scores = np.asarray(scores, dtype=np.float64)
    order = np.lexsort((np.arange(len(scores)), -scores))
    if not excluded:
        return order
    keep = np.ones(len(scores), dtype=bool)
    keep[list(excluded)] = False
    return order[keep[order]]


def recall_at_k(ranking, relevant, k=K):
    """Share of the relevant items that are in the first k."""
    if not relevant:
        raise ValueError("recall needs at least one relevant item")
    return len(set(ranking[:k].tolist()) & relevant) / len(relevant)


def ndcg_at_k(ranking, relevant, k=K):
    """Binary relevance: the sum of 1/log2(rank + 1) over the hits in the first k (rank 1-based), divided by the
    same sum for min(|relevant|, k) hits in the first places."""
    if not relevant:
        raise ValueError("NDCG needs at least one relevant item")
    dcg = sum(1.0 / math.log2(r + 2) for r, item in enumerate(ranking[:k].tolist()) if item in relevant)
    ideal = sum(1.0 / math.log2(r + 2) for r in range(min(len(relevant), k)))
    return dcg / ideal


def reciprocal_rank(ranking, relevant):
    """1 / the 1-based rank of the first relevant item in the whole ranking; 0 if none is ranked."""
    for r, item in enumerate(ranking.tolist()):
        if item in relevant:
            return 1.0 / (r + 1)
    return 0.0


def coverage_at_k(rankings, catalog_size, k=K):
    """Share of the catalog that appears in at least one ranking's first k."""
    shown = set()
    for ranking in rankings:
        shown.update(ranking[:k].tolist())
    return len(shown) / catalog_size


def top1_share(rankings):
    """Share of the rankings whose first item is the single most common first item."""
    firsts = [int(r[0]) for r in rankings if len(r)]
    if not firsts:
        return 0.0
    return int(np.bincount(firsts).max()) / len(firsts)


def retrieval_metrics(rankings, relevant_sets, catalog_size, k=K):
    """Means over users of recall@k, NDCG@k and MRR, plus coverage@k and the top-1 share."""
    n = len(rankings)
    return {
        "recall_at_10": sum(recall_at_k(r, s, k) for r, s in zip(rankings, relevant_sets)) / n,
        "ndcg_at_10": sum(ndcg_at_k(r, s, k) for r, s in zip(rankings, relevant_sets)) / n,
        "mrr": sum(reciprocal_rank(r, s) for r, s in zip(rankings, relevant_sets)) / n,
        "coverage_at_10": coverage_at_k(rankings, catalog_size, k),
        "top1_share": top1_share(rankings),
    }


def next_item_metrics(hidden_ranks, k=K):
    """hit-rate@k and NDCG@k (one relevant item: 1/log2(rank + 1) if rank ≤ k) from 1-based ranks."""
    n = len(hidden_ranks)
    return {
        "hit_rate_at_10": sum(1 for r in hidden_ranks if r <= k) / n,
        "ndcg_at_10": sum(1.0 / math.log2(r + 1) for r in hidden_ranks if r <= k) / n,
    }


# ------------------------------------------------------------------------------------------------- tasks
class Task:
    """Per evaluated user: the known items (excluded from the ranking) and the relevant ones."""

    def __init__(self, table, users, known_rows, relevant_rows, item_ids):
        self.item_ids = list(item_ids)
        self.users = list(users)
        position = {code: i for i, code in enumerate(self.item_ids)}
        user_pos = {u: j for j, u in enumerate(self.users)}
        codes = table["productCode"].to_numpy()
        customer = table["customerNumber"].to_numpy()
        self.known = [set() for _ in self.users]
        self.relevant = [set() for _ in self.users]
        # Relevant items in row order: the test rows come in split order, the next-item task's sequence.
        self.sequence = [[] for _ in self.users]
        for rows, target in ((known_rows, self.known), (relevant_rows, self.relevant)):
            for row in rows:
                j = user_pos.get(int(customer[row]))
                if j is not None:
                    target[j].add(position[codes[row]])
        for row in relevant_rows:
            j = user_pos.get(int(customer[row]))
            if j is not None:
                self.sequence[j].append(position[codes[row]])

    @staticmethod
    def test(table, split, item_ids):
        """Rank everything the user did not train or validate on; relevant = the test items."""
        known = np.concatenate([split.train, split.validation])
        return Task(table, split.evaluated_users, known, split.test, item_ids)

    @staticmethod
    def validation(table, split, item_ids):
        """For model selection during training: known = train items, relevant = the validation item."""
        return Task(table, split.evaluated_users, split.train, split.validation, item_ids)

    def rankings(self, score_fn):
        return [rank_items(score_fn(j), self.known[j]) for j in range(len(self.users))]

    def evaluate(self, score_fn):
        """score_fn(user index) → one score per catalog item."""
        return retrieval_metrics(self.rankings(score_fn), self.relevant, len(self.item_ids))


def popularity_scores(table, rows, item_ids):
    counts = table.iloc[rows].groupby("productCode").size()
    return np.array([float(counts.get(c, 0)) for c in item_ids])


def mean_rating_scores(table, rows, item_ids):
    train = table.iloc[rows]
    global_mean = float(train["productRating"].mean())
    grouped = train.groupby("productCode")["productRating"].agg(["sum", "count"])
    sums, counts = grouped["sum"].to_dict(), grouped["count"].to_dict()
    return np.array([(float(sums.get(c, 0)) + MEAN_RATING_PRIOR * global_mean)
                     / (float(counts.get(c, 0)) + MEAN_RATING_PRIOR) for c in item_ids])


def baseline_metrics(task, table, split):
    by_count = popularity_scores(table, split.train, task.item_ids)
    by_mean = mean_rating_scores(table, split.train, task.item_ids)
    rng = np.random.RandomState(split.seed)
    random_scores = [rng.random_sample(len(task.item_ids)) for _ in task.users]
    return {
        "popularity_count": task.evaluate(lambda j: by_count),
        "popularity_mean_rating": task.evaluate(lambda j: by_mean),
        "random": task.evaluate(lambda j: random_scores[j]),
    }


# ------------------------------------------------------------------------------------------ session blend
def blend_query(user_vector, history, item_vectors, blend):
    """The session query vector of docs/contracts.md ("session_blend"), in float32, operation by operation as the
    Java side computes it.

    history: the session's browse history, oldest first, as (item index or None when the catalog does not know
    the product, in_shopping_cart). blend: the manifest object, or None for the user vector alone.
    """
    u = np.asarray(user_vector, dtype=np.float32)
    if blend is None:
        return u
    f32 = np.float32
    acc = f32(blend["user_weight"]) * u
    browse, cart, decay = f32(blend["browse_weight"]), f32(blend["cart_weight"]), f32(blend["recency_decay"])
    factor = f32(1.0)
    for item, in_cart in reversed(history):
        if item is not None:
            w = (cart if in_cart else browse) * factor
            acc = acc + w * item_vectors[item]
        factor = factor * decay
    total = f32(0.0)
    for v in acc:
        total = f32(total + v * v)
    norm = f32(math.sqrt(float(total)))
    if not norm > 0 or not math.isfinite(norm):
        return u
    return acc / norm


def next_item_cases(task):
    """(user, history, hidden): for each position p ≥ 1 of a user's test sequence, the items before p are the
    browse history (oldest first, none in the cart) and the item at p is hidden."""
    cases = []
    for j, seq in enumerate(task.sequence):
        for p in range(1, len(seq)):
            cases.append((j, seq[:p], seq[p]))
    return cases


def next_item_task(task, user_vectors, item_vectors, blend):
    """Rank every item the user neither knows nor browsed by query · item; metrics of the hidden item's rank."""
    items64 = item_vectors.astype(np.float64)
    ranks = []
    for j, history, hidden in next_item_cases(task):
        query = blend_query(user_vectors[j], [(i, False) for i in history], item_vectors, blend)
        ranking = rank_items(items64 @ query.astype(np.float64), task.known[j] | set(history))
        ranks.append(int(np.flatnonzero(ranking == hidden)[0]) + 1)
    return next_item_metrics(ranks)


# ------------------------------------------------------------------------------------------ similar items
def similar_items(item_vectors, distance, k=SIMILAR_K):
    """Per seed item, the k other items closest by `distance` (ties by index)."""
    vectors = item_vectors.astype(np.float64)
    if distance == "cosine":
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / np.where(norms > 0, norms, 1.0)
    scores = vectors @ vectors.T
    return [rank_items(scores[s], {s})[:k] for s in range(len(vectors))]


def similar_items_diversity(item_vectors, item_lines, distance, k=SIMILAR_K):
    lists = similar_items(item_vectors, distance, k)
    return {
        "distinct_items": len({int(i) for lst in lists for i in lst}),
        "distinct_first": len({int(lst[0]) for lst in lists if len(lst)}),
        "same_line_share": float(np.mean([item_lines[i] == item_lines[s] for s, lst in enumerate(lists)
                                          for i in lst])),
    }


# ------------------------------------------------------------------------------------------------ report
def evaluate(data, split, user_vectors, item_vectors, blend):
    """Every figure of metrics.json except the training section.

    user_vectors: one row per customers.csv row; item_vectors: one row per products.csv row.
    """
    task = Task.test(data.table, split, data.item_ids)
    row_of = {int(c): r for r, c in enumerate(data.customers["customerNumber"])}
    users = np.stack([user_vectors[row_of[u]] for u in task.users]).astype(np.float32)
    scores = users.astype(np.float64) @ item_vectors.astype(np.float64).T
    model = task.evaluate(lambda j: scores[j])
    baselines = baseline_metrics(task, data.table, split)
    best = max(["popularity_count", "popularity_mean_rating"], key=lambda b: baselines[b]["ndcg_at_10"])
    cases = next_item_cases(task)
    candidate = blend or DEFAULT_BLEND
    next_item = {
        "cases": len(cases),
        "mean_history": sum(len(h) for _, h, _ in cases) / len(cases),
        "blend": candidate,
        "user_only": next_item_task(task, users, item_vectors, None),
        "history_only": next_item_task(task, users, item_vectors, dict(candidate, user_weight=0.0)),
        "session_blend": next_item_task(task, users, item_vectors, candidate),
    }
    next_item["session_blend_wins"] = next_item["session_blend"]["ndcg_at_10"] > next_item["user_only"]["ndcg_at_10"]
    lines = data.products["productLine"].to_numpy()
    return {
        "k": K,
        "model": model,
        "baselines": baselines,
        "best_popularity_baseline": best,
        "ndcg_at_10_lift_over_best_popularity": model["ndcg_at_10"] / baselines[best]["ndcg_at_10"],
        "next_item": next_item,
        "similar_items": {"k": SIMILAR_K, "seeds": len(item_vectors),
                          **{d: similar_items_diversity(item_vectors, lines, d) for d in DISTANCES}},
    }


def metrics_table(rows):
    lines = ["| model | recall@10 | NDCG@10 | MRR | coverage@10 | top-1 share |", "|---|---|---|---|---|---|"]
    for name, m in rows.items():
        lines.append("| " + name + " | " + " | ".join(f"{m[c]:.4f}" for c in RETRIEVAL_METRICS) + " |")
    return "\n".join(lines)


def report_text(report, title):
    n = report["next_item"]
    rows = {"two-tower (user tower)": report["model"], **report["baselines"]}
    out = [f"## {title}", "", metrics_table(rows), "",
           f"NDCG@10 lift over the best popularity baseline ({report['best_popularity_baseline']}): "
           f"{report['ndcg_at_10_lift_over_best_popularity']:.3f}x", "",
           f"next item ({n['cases']} cases, mean history {n['mean_history']:.2f} items; blend {json.dumps(n['blend'])}"
           f" {'wins' if n['session_blend_wins'] else 'does not win'}):", "",
           "| query | hit-rate@10 | NDCG@10 |", "|---|---|---|"]
    for name in ("user_only", "history_only", "session_blend"):
        out.append(f"| {name} | {n[name]['hit_rate_at_10']:.4f} | {n[name]['ndcg_at_10']:.4f} |")
    s = report["similar_items"]
    out += ["", f"similar items (top {s['k']} of each of {s['seeds']} seeds):", "",
            "| measure | distinct items | distinct first places | same product line |", "|---|---|---|---|"]
    for d in DISTANCES:
        out.append(f"| {d} | {s[d]['distinct_items']} | {s[d]['distinct_first']} | {s[d]['same_line_share']:.3f} |")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------- artifacts
def read_embeddings(path):
    """{id: float32 vector} of an embeddings CSV (pgvector text form)."""
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out[row["id"]] = np.array(row["embedding"][1:-1].split(","), dtype=np.float32)
    return out


def artifact_vectors(artifacts, data):
    items = read_embeddings(os.path.join(artifacts, "embeddings/item_embeddings.csv"))
    users = read_embeddings(os.path.join(artifacts, "embeddings/user_embeddings.csv"))
    missing = [c for c in data.item_ids if c not in items][:5]
    if missing:
        raise SystemExit(f"item_embeddings.csv has no row for products {missing}")
    customers = [str(c) for c in data.customers["customerNumber"]]
    missing = [c for c in customers if c not in users][:5]
    if missing:
        raise SystemExit(f"user_embeddings.csv has no row for customers {missing}")
    return np.stack([users[c] for c in customers]), np.stack([items[c] for c in data.item_ids])


def compare_text(labelled):
    """One table per topic over several metrics.json files: [(label, metrics dict)]."""
    out = ["| run | model | recall@10 | NDCG@10 | MRR | coverage@10 | top-1 share | NDCG@10 vs best popularity |",
           "|---|---|---|---|---|---|---|---|"]
    shown = set()
    for label, m in labelled:
        rows = {(label, m["training"]["objective"]): m["model"]}
        data_key = (m["dataset"]["sha256"], json.dumps(m["split"], sort_keys=True))
        if data_key not in shown:  # baselines depend on the data and the split only: once per pair
            shown.add(data_key)
            data = f"{m['dataset']['items']} items, {m['dataset']['ratings']} ratings"
            rows.update({(data, name): r for name, r in m["baselines"].items()})
        for (run, name), r in rows.items():
            lift = r["ndcg_at_10"] / m["baselines"][m["best_popularity_baseline"]]["ndcg_at_10"]
            out.append(f"| {run} | {name} | " + " | ".join(f"{r[c]:.4f}" for c in RETRIEVAL_METRICS)
                       + f" | {lift:.2f}x |")
    out += ["", "| run | next-item cases | user only hit@10 / NDCG@10 | history only | session blend | blend on |",
            "|---|---|---|---|---|---|"]
    for label, m in labelled:
        n = m["next_item"]
        cell = lambda r: f"{r['hit_rate_at_10']:.4f} / {r['ndcg_at_10']:.4f}"  # noqa: E731
        out.append(f"| {label} | {n['cases']} | {cell(n['user_only'])} | {cell(n['history_only'])} | "
                   f"{cell(n['session_blend'])} | {'yes' if n['session_blend_wins'] else 'no'} |")
    out += ["", "| run | similar items: measure | distinct items | distinct first places | same product line |",
            "|---|---|---|---|---|"]
    for label, m in labelled:
        s = m["similar_items"]
        for d in DISTANCES:
            out.append(f"| {label} | {d} (top {s['k']} of {s['seeds']}) | {s[d]['distinct_items']} | "
                       f"{s[d]['distinct_first']} | {s[d]['same_line_share']:.3f} |")
    return "\n".join(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Evaluates an artifact folder on a classicmodels data folder.")
    parser.add_argument("--artifacts", default="samples/ml-artifacts")
    parser.add_argument("--data-dir", default="samples/classicmodels/csv")
    parser.add_argument("--seed", type=int, help="split seed (default: the artifact's metrics.json, else 42)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--compare", nargs="+", metavar="LABEL=ARTIFACTS",
                        help="instead: print the recorded metrics.json of several artifact folders side by side")
    args = parser.parse_args(argv)

    if args.compare:
        labelled = []
        for item in args.compare:
            label, _, folder = item.partition("=")
            with open(os.path.join(folder, "metrics.json"), encoding="utf-8") as f:
                labelled.append((label, json.load(f)))
        print(compare_text(labelled))
        return 0

    with open(os.path.join(args.artifacts, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    seed = args.seed
    recorded = os.path.join(args.artifacts, "metrics.json")
    if seed is None and os.path.exists(recorded):
        with open(recorded, encoding="utf-8") as f:
            seed = json.load(f)["split"]["seed"]
    seed = 42 if seed is None else seed
    data = Dataset(args.data_dir)
    split = split_interactions(data.table, seed)
    user_vectors, item_vectors = artifact_vectors(args.artifacts, data)
    report = evaluate(data, split, user_vectors, item_vectors, manifest.get("session_blend"))
    print(report_text(report, f"{manifest['model_version']} on {args.data_dir} (split seed {seed}, "
                              f"{split.describe()['evaluated_users']} evaluated users)"))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"split": split.describe(), "dataset": data.describe(), **report}, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
