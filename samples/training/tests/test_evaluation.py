"""Run from samples/training: /usr/bin/python3 -m unittest"""
import json
import math
import os
import sys
import unittest

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import evaluation as ev  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


class RankingMetricsTest(unittest.TestCase):

    def test_rank_items_orders_by_score_then_index_and_drops_excluded(self):
        ranking = ev.rank_items([0.5, 0.9, 0.5, 0.1, 0.9], {4})
        self.assertEqual(ranking.tolist(), [1, 0, 2, 3])

    def test_recall_counts_relevant_items_in_the_first_k(self):
        ranking = np.array([3, 1, 4, 0, 2])
        self.assertEqual(ev.recall_at_k(ranking, {1, 2}, k=2), 0.5)
        self.assertEqual(ev.recall_at_k(ranking, {1, 2}, k=5), 1.0)
        self.assertEqual(ev.recall_at_k(ranking, {7}, k=5), 0.0)

    def test_ndcg_by_hand(self):
        ranking = np.array([3, 1, 4, 0, 2])
        # one hit at rank 2 out of two relevant items: (1/log2 3) / (1 + 1/log2 3)
        expected = (1 / math.log2(3)) / (1 + 1 / math.log2(3))
        self.assertAlmostEqual(ev.ndcg_at_k(ranking, {1, 2}, k=2), expected, places=15)
        self.assertEqual(ev.ndcg_at_k(ranking, {3}, k=2), 1.0)
        self.assertEqual(ev.ndcg_at_k(ranking, {2}, k=4), 0.0)

    def test_ndcg_ideal_is_cut_at_k(self):
        # three relevant items, k = 2, both first places hit: perfect
        self.assertEqual(ev.ndcg_at_k(np.array([0, 1, 2]), {0, 1, 2}, k=2), 1.0)

    def test_reciprocal_rank_looks_past_k(self):
        ranking = np.arange(20)
        self.assertEqual(ev.reciprocal_rank(ranking, {15, 19}), 1 / 16)
        self.assertEqual(ev.reciprocal_rank(ranking, {99}), 0.0)

    def test_empty_relevant_set_is_an_error(self):
        with self.assertRaises(ValueError):
            ev.ndcg_at_k(np.array([0]), set())

    def test_coverage_is_the_share_of_the_catalog_in_some_top_k(self):
        rankings = [np.array([0, 1, 2]), np.array([1, 3, 0])]
        self.assertEqual(ev.coverage_at_k(rankings, 8, k=1), 2 / 8)
        self.assertEqual(ev.coverage_at_k(rankings, 8, k=2), 3 / 8)

    def test_top1_share_is_the_most_common_first_item(self):
        rankings = [np.array([2, 0]), np.array([2, 1]), np.array([3, 2]), np.array([1, 2])]
        self.assertEqual(ev.top1_share(rankings), 0.5)

    def test_retrieval_metrics_are_means_over_users(self):
        rankings = [np.array([0, 1, 2, 3]), np.array([3, 2, 1, 0])]
        m = ev.retrieval_metrics(rankings, [{0}, {0}], 4, k=2)
        self.assertEqual(m["recall_at_10"], 0.5)
        self.assertEqual(m["ndcg_at_10"], 0.5)
        self.assertEqual(m["mrr"], (1 + 1 / 4) / 2)
        self.assertEqual(m["coverage_at_10"], 1.0)
        self.assertEqual(m["top1_share"], 0.5)

    def test_next_item_metrics_by_hand(self):
        m = ev.next_item_metrics([1, 3, 11], k=10)
        self.assertEqual(m["hit_rate_at_10"], 2 / 3)
        self.assertEqual(m["ndcg_at_10"], (1 + 1 / 2) / 3)


def ratings(rows):
    return pd.DataFrame(rows, columns=["customerNumber", "productCode", "productRating"])


class SplitTest(unittest.TestCase):

    def table(self):
        rows = []
        for user, n in ((101, 4), (102, 5), (103, 10), (104, 13)):
            rows += [(user, f"P{i:02d}", 1 + (user + i) % 5) for i in range(n)]
        return ratings(rows)

    def test_every_row_lands_in_exactly_one_part(self):
        table = self.table()
        split = ev.split_interactions(table, 7)
        parts = np.concatenate([split.train, split.validation, split.test])
        self.assertEqual(sorted(parts.tolist()), list(range(len(table))))

    def test_per_user_counts(self):
        table = self.table()
        split = ev.split_interactions(table, 7)
        self.assertEqual(split.train_only_users, [101])
        self.assertEqual(split.evaluated_users, [102, 103, 104])
        users = table["customerNumber"].to_numpy()
        # max(2, round(0.3 n)): 5 → 2, 10 → 3, 13 → 4; one validation item each
        self.assertEqual([int((users[split.test] == u).sum()) for u in (101, 102, 103, 104)], [0, 2, 3, 4])
        self.assertEqual([int((users[split.validation] == u).sum()) for u in (101, 102, 103, 104)], [0, 1, 1, 1])

    def test_same_seed_same_split_other_seed_other_split(self):
        table = self.table()
        a, b, c = (ev.split_interactions(table, s) for s in (7, 7, 8))
        self.assertEqual(a.test.tolist(), b.test.tolist())
        self.assertNotEqual(a.test.tolist(), c.test.tolist())

    def test_the_split_does_not_depend_on_row_order(self):
        table = self.table()
        shuffled = table.sample(frac=1.0, random_state=3).reset_index(drop=True)
        a, b = ev.split_interactions(table, 7), ev.split_interactions(shuffled, 7)
        key = lambda t, rows: sorted(zip(t["customerNumber"].iloc[rows], t["productCode"].iloc[rows]))  # noqa
        self.assertEqual(key(table, a.test), key(shuffled, b.test))


class BaselineTest(unittest.TestCase):

    def test_popularity_by_count_and_damped_mean(self):
        table = ratings([(1, "A", 5), (2, "A", 3), (1, "B", 5), (3, "C", 1)])
        rows = np.arange(4)
        self.assertEqual(ev.popularity_scores(table, rows, ["A", "B", "C", "D"]).tolist(), [2, 1, 1, 0])
        mean = ev.mean_rating_scores(table, rows, ["A", "B", "D"])
        g = 14 / 4  # global mean
        prior = ev.MEAN_RATING_PRIOR
        self.assertEqual(mean.tolist(), [(8 + prior * g) / (2 + prior), (5 + prior * g) / (1 + prior), g])


class SessionBlendTest(unittest.TestCase):

    BLEND = {"user_weight": 1.0, "browse_weight": 1.0, "cart_weight": 2.0, "recency_decay": 0.5}

    def test_one_browsed_item_by_hand(self):
        items = np.array([[0.0, 1.0]], dtype=np.float32)
        q = ev.blend_query(np.array([1.0, 0.0], dtype=np.float32), [(0, False)], items, self.BLEND)
        self.assertEqual(q.dtype, np.float32)
        self.assertEqual(q.tolist(), [np.float32(1) / np.float32(math.sqrt(2))] * 2)

    def test_cart_weight_and_recency(self):
        items = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float32)
        user = np.array([0.0, 0.0, 1.0], dtype=np.float32)
        # oldest first: item 0 in the cart two steps back, an unknown product, item 1 browsed last
        q = ev.blend_query(user, [(0, True), (None, True), (1, False)], items, self.BLEND)
        # weights: item 1 → 1 * 1, unknown → skipped (but ages), item 0 → 2 * 0.5^2 = 0.5
        acc = np.array([0.5, 1.0, 1.0], dtype=np.float32)
        self.assertEqual(q.tolist(), (acc / np.float32(1.5)).tolist())

    def test_no_blend_is_the_user_vector(self):
        user = np.array([0.6, 0.8], dtype=np.float32)
        self.assertIs(ev.blend_query(user, [(0, True)], np.ones((1, 2), dtype=np.float32), None), user)

    def test_a_zero_query_falls_back_to_the_user_vector(self):
        user = np.array([1.0, 0.0], dtype=np.float32)
        items = np.array([[-1.0, 0.0]], dtype=np.float32)
        q = ev.blend_query(user, [(0, False)], items, self.BLEND)
        self.assertEqual(q.tolist(), [1.0, 0.0])

    def test_next_item_cases_grow_the_history(self):
        task = ev.Task.__new__(ev.Task)
        task.sequence = [[4, 2, 9], [1]]
        self.assertEqual(ev.next_item_cases(task), [(0, [4], 2), (0, [4, 2], 9)])


class SimilarItemsTest(unittest.TestCase):

    def test_cosine_ignores_length_inner_product_does_not(self):
        vectors = np.array([[1.0, 0.0], [0.9, 0.2], [5.0, 5.0], [0.0, 1.0]], dtype=np.float32)
        ip = ev.similar_items(vectors, "inner_product", k=1)
        cos = ev.similar_items(vectors, "cosine", k=1)
        self.assertEqual([int(x[0]) for x in ip], [2, 2, 1, 2])
        self.assertEqual([int(x[0]) for x in cos], [1, 0, 1, 2])
        d = ev.similar_items_diversity(vectors, np.array(["a", "a", "b", "b"]), "cosine", k=1)
        self.assertEqual(d, {"distinct_items": 3, "distinct_first": 3, "same_line_share": 0.75})


class SessionBlendGoldenTest(unittest.TestCase):
    """The Java side's golden cases are what the reference computes today."""

    def test_committed_golden_file_is_current(self):
        import tempfile
        import make_session_blend_golden as golden
        committed = os.path.join(REPO, "features/src/test/resources/golden/session_blend.json")
        with tempfile.TemporaryDirectory() as tmp:
            fresh = os.path.join(tmp, "session_blend.json")
            golden.main(["--out", fresh])
            with open(fresh, encoding="utf-8") as a, open(committed, encoding="utf-8") as b:
                self.assertEqual(a.read(), b.read())


class CommittedSampleTest(unittest.TestCase):
    """The committed metrics.json says what re-evaluating the committed artifacts says."""

    def test_committed_metrics_match_a_fresh_evaluation(self):
        artifacts = os.path.join(REPO, "samples/ml-artifacts")
        with open(os.path.join(artifacts, "metrics.json"), encoding="utf-8") as f:
            recorded = json.load(f)
        with open(os.path.join(artifacts, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        data = ev.Dataset(os.path.join(REPO, "samples/classicmodels/csv"))
        split = ev.split_interactions(data.table, recorded["split"]["seed"])
        users, items = ev.artifact_vectors(artifacts, data)
        fresh = ev.evaluate(data, split, users, items, manifest["session_blend"])

        self.assertEqual(recorded["dataset"], data.describe())
        for key in ("model", "baselines", "best_popularity_baseline", "next_item", "similar_items"):
            self.assertEqual(recorded[key], json.loads(json.dumps(fresh[key])), key)
        blend = recorded["next_item"]["blend"] if recorded["next_item"]["session_blend_wins"] else None
        self.assertEqual(manifest["session_blend"], blend)


if __name__ == "__main__":
    unittest.main()
