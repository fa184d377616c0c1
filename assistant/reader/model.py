"""A linear model over hashed features: multinomial logistic regression, trained and run with numpy.

Small enough to retrain in seconds on the corpus plus an organisation's corrections, and to ship as
package data; a sentence is read by adding up the weight rows of its features.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import BUCKETS


@dataclass
class LinearModel:
    classes: tuple[str, ...]
    weights: np.ndarray  # BUCKETS x classes

    def probabilities(self, rows: list[list[int]]) -> np.ndarray:
        scores = np.stack([self.weights[r].sum(axis=0) for r in rows]) if rows else np.zeros((0, len(self.classes)))
        return _softmax(scores)

    @classmethod
    def fit(cls, rows: list[list[int]], labels: list[str], classes: tuple[str, ...], *, epochs: int = 120,
            l2: float = 1e-4, rate: float = 0.05, weights: list[float] | None = None) -> LinearModel:
        """Full-batch Adam on the softmax loss; `weights` counts some examples more (a manager's corrections)."""
        index = {c: i for i, c in enumerate(classes)}
        y = np.array([index[label] for label in labels])
        sample_weight = np.asarray(weights if weights is not None else [1.0] * len(rows), dtype=np.float32)
        flat = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
        used, column = np.unique(flat, return_inverse=True)  # only the buckets some example has are learnt
        row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
        starts = np.concatenate([[0], np.cumsum([len(r) for r in rows])[:-1]])
        w = np.zeros((len(used), len(classes)), dtype=np.float32)
        m: np.ndarray = np.zeros_like(w)  # Adam's first and second moments
        v: np.ndarray = np.zeros_like(w)
        onehot = np.eye(len(classes), dtype=np.float32)[y]
        for step in range(1, epochs + 1):
            probs = _softmax(np.add.reduceat(w[column], starts, axis=0))
            delta = ((probs - onehot) * sample_weight[:, None] / sample_weight.sum())[row_of]
            grad = np.stack([np.bincount(column, weights=delta[:, c], minlength=len(used)) for c in range(len(classes))],
                            axis=1).astype(np.float32) + l2 * w
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad ** 2
            w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        full = np.zeros((BUCKETS, len(classes)), dtype=np.float32)
        full[used] = w
        return cls(tuple(classes), full)

    def to_bytes(self) -> bytes:
        rows = np.flatnonzero(np.abs(self.weights).sum(axis=1))
        buffer = io.BytesIO()
        np.savez_compressed(buffer, rows=rows.astype(np.int32), values=self.weights[rows].astype(np.float16),
                            classes=np.array(self.classes))
        return buffer.getvalue()

    @classmethod
    def from_file(cls, path: Path | io.BytesIO) -> LinearModel:
        with np.load(path) as data:
            weights = np.zeros((BUCKETS, len(data["classes"])), dtype=np.float32)
            weights[data["rows"]] = data["values"].astype(np.float32)
            return cls(tuple(str(c) for c in data["classes"]), weights)


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(scores)
    return e / e.sum(axis=1, keepdims=True)
