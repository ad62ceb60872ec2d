"""Word and letter patterns: TF-IDF over word pairs and letter runs, from a stored vocabulary.

Sentence embeddings say what a message is about; they are weak at how it is said: "lol",
"in the game", "i could scream", "kms" written "k m s", a misspelt "sucide". Word and
letter n-grams catch exactly that, cost microseconds, and a head over them sits beside the
embedding head (measured in ``docs/screen-learned-layer.md``). The vocabulary and the IDF
weights are plain arrays in the heads file: no pickles.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

WORD_OPTIONS = {"ngram_range": (1, 2), "token_pattern": r"(?u)\b\w+\b", "sublinear_tf": True, "min_df": 2}
CHAR_OPTIONS = {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "min_df": 3}
MAX_CHAR_FEATURES = 60_000


@dataclass
class Lexical:
    word: TfidfVectorizer
    char: TfidfVectorizer

    @classmethod
    def fit(cls, texts: list[str]) -> Lexical:
        word = TfidfVectorizer(**WORD_OPTIONS).fit(texts)
        char = TfidfVectorizer(**CHAR_OPTIONS, max_features=MAX_CHAR_FEATURES).fit(texts)
        return cls(word, char)

    @property
    def size(self) -> int:
        return len(self.word.vocabulary_) + len(self.char.vocabulary_)

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        return sp.hstack([self.word.transform(texts), self.char.transform(texts)], format="csr")

    def to_arrays(self, prefix: str = "lexical") -> dict[str, np.ndarray]:
        arrays: dict[str, np.ndarray] = {}
        for name, vectorizer in (("word", self.word), ("char", self.char)):
            terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
            arrays[f"{prefix}_{name}_terms"] = np.array(terms, dtype=np.str_)
            arrays[f"{prefix}_{name}_idf"] = vectorizer.idf_.astype(np.float32)
        return arrays

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str = "lexical") -> Lexical:
        parts = []
        for name, options in (("word", WORD_OPTIONS), ("char", CHAR_OPTIONS)):
            terms = [str(t) for t in arrays[f"{prefix}_{name}_terms"]]
            fixed = {k: v for k, v in options.items() if k != "min_df"}
            vectorizer = TfidfVectorizer(**fixed, vocabulary={t: i for i, t in enumerate(terms)})
            vectorizer.idf_ = arrays[f"{prefix}_{name}_idf"].astype(np.float64)
            parts.append(vectorizer)
        return cls(parts[0], parts[1])
