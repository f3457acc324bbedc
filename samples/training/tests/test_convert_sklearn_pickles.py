"""Run from the repo root: /usr/bin/python3 -m unittest discover -s samples/training/tests -t samples/training"""
import os
import pickle
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import convert_sklearn_pickles as converter  # noqa: E402
import train_two_tower as training  # noqa: E402


def sample_table():
    rng = np.random.RandomState(7)
    n = 60
    return pd.DataFrame({
        "city": rng.choice(["Nantes", "Bergen", "München", "Genève", "Las Vegas"], n),
        "country": rng.choice(["France", "Norway  ", "Germany", "Switzerland", "USA"], n),
        "creditLimit": rng.uniform(0, 200000, n).round(2),
        "productLine": rng.choice(["Classic Cars", "Planes", "Ships"], n),
        "productScale": rng.choice(["1:10", "1:18", "1:700"], n),
        "quantityInStock": rng.randint(0, 9998, n),
        "buyPrice": rng.uniform(15, 105, n).round(2),
        "MSRP": rng.uniform(110, 220, n).round(2),
    })


class ConvertSklearnPicklesTest(unittest.TestCase):

    def test_converted_pickles_equal_the_training_exporter(self):
        table = sample_table()
        sides = {
            "user": training.SidePreprocessor(training.USER_CATEGORICAL, training.USER_NUMERIC).fit(table),
            "item": training.SidePreprocessor(training.ITEM_CATEGORICAL, training.ITEM_NUMERIC).fit(table),
        }
        with tempfile.TemporaryDirectory() as tmp:
            pickles = os.path.join(tmp, "pickles")
            os.makedirs(pickles)
            for side, pre in sides.items():
                with open(os.path.join(pickles, f"{side}_ohe.pkl"), "wb") as f:
                    pickle.dump(pre.ohe, f)
                with open(os.path.join(pickles, f"{side}_std_scaler.pkl"), "wb") as f:
                    pickle.dump(pre.scaler, f)
            out = os.path.join(tmp, "preprocessing")
            converter.convert(pickles, out)
            for side, pre in sides.items():
                with open(os.path.join(out, f"{side}.json"), encoding="utf-8") as f:
                    converted = f.read()
                self.assertEqual(converted, training.json_text(pre.spec()), side)

    def test_training_strips_ascii_whitespace_before_fitting(self):
        pre = training.SidePreprocessor(training.USER_CATEGORICAL, training.USER_NUMERIC).fit(sample_table())
        countries = pre.spec()["features"][1]["categories"]
        self.assertIn("Norway", countries)
        self.assertNotIn("Norway  ", countries)

    def test_scaler_values_are_the_exact_fitted_float64(self):
        table = sample_table()
        pre = training.SidePreprocessor(training.ITEM_CATEGORICAL, training.ITEM_NUMERIC).fit(table)
        msrp = pre.spec()["features"][-1]
        self.assertEqual(msrp["mean"], float(np.mean(table["MSRP"].astype("float64"))))
        self.assertEqual(msrp["mean"], float(pre.scaler.mean_[2]))
        self.assertEqual(msrp["scale"], float(pre.scaler.scale_[2]))

    def test_unstripped_lab_encoders_declare_no_normalization(self):
        from sklearn.preprocessing import OneHotEncoder, StandardScaler
        table = sample_table()
        ohe = OneHotEncoder(handle_unknown="ignore").fit(table[["city", "country"]])
        scaler = StandardScaler().fit(table[["creditLimit"]])
        spec = converter.spec_from_encoders(ohe, scaler, "user")
        self.assertEqual(spec["string_normalization"], "none")
        self.assertIn("Norway  ", spec["features"][1]["categories"])


if __name__ == "__main__":
    unittest.main()
