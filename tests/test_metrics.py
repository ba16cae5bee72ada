import math

from analysis.evaluation.metrics import accuracy, cohen_kappa, confusion, macro_f1, per_class_f1, spearman, three_way


def test_kappa_unweighted_hand_computed():
    # 2x2 example: po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5 -> kappa 0.4
    a = ["y"] * 5 + ["n"] * 5
    b = ["y"] * 4 + ["n"] + ["y"] * 2 + ["n"] * 3
    assert math.isclose(cohen_kappa(a, b, ["y", "n"]), 0.4)


def test_kappa_quadratic_hand_computed():
    a = [0, 1, 2]
    b = [0, 2, 2]
    # obs disagreement: one pair (1,2) weight 1/4 -> 1/4 / 3; expected: rows (1,1,1)/3, cols (1,0,2)/3
    # sum_w_exp = (1/3)*[(0->1:1/4*0)+(0->2: 1*2/3)] ... computed directly below
    import numpy as np
    exp = np.outer([1, 1, 1], [1, 0, 2]) / 3
    w = np.array([[0, .25, 1], [.25, 0, .25], [1, .25, 0]])
    want = 1 - (0.25) / (w * exp).sum()
    assert math.isclose(cohen_kappa(a, b, [0, 1, 2], "quadratic"), want)
    assert cohen_kappa(a, a, [0, 1, 2], "quadratic") == 1.0


def test_f1_accuracy_confusion():
    g = ["a", "a", "b", "c"]
    p = ["a", "b", "b", "b"]
    f = per_class_f1(g, p, ["a", "b", "c"])
    assert f == {"a": 2 / 3, "b": 0.5, "c": 0.0}
    assert math.isclose(macro_f1(g, p, ["a", "b", "c"]), (2 / 3 + 0.5) / 3)
    assert accuracy(g, p) == 0.5
    assert confusion(g, p, ["a", "b", "c"]).loc["c", "b"] == 1


def test_spearman_and_three_way():
    assert math.isclose(spearman([1, 2, 3], [10, 20, 30]), 1.0)
    assert math.isclose(spearman([1, 2, 3], [3, 2, 1]), -1.0)
    assert math.isnan(spearman([1, 1, 1], [1, 2, 3]))
    assert [three_way(s) for s in (-2, -1, 0, 1, 2)] == ["confrontational"] * 2 + ["neutral"] + ["cooperative"] * 2
