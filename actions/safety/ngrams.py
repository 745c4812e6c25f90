"""Word and character n-gram features shared by the learned safety and behaviour classifiers.

Text is normalised first (typos, text-speak, dropped g's: ``actions.safety.text``), so "hes
outsde" and "he is outside" share words; character n-grams (within words) catch the typos the
normaliser does not know.
"""

from __future__ import annotations

from dataclasses import dataclass

from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from actions.safety.text import normalise


@dataclass(frozen=True)
class NgramFeatures:
    words: TfidfVectorizer
    characters: TfidfVectorizer

    def transform(self, texts: list[str]) -> csr_matrix:
        normalised = [normalise(t) for t in texts]
        return hstack([self.words.transform(normalised), self.characters.transform(normalised)])


def fit_features(texts: list[str], longest_phrase: int = 2) -> tuple[NgramFeatures, csr_matrix]:
    """Vectorisers fitted on ``texts`` (words up to ``longest_phrase`` long), and their features."""
    normalised = [normalise(t) for t in texts]
    words = TfidfVectorizer(ngram_range=(1, longest_phrase), sublinear_tf=True, min_df=1)
    characters = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
    )
    matrix = hstack([words.fit_transform(normalised), characters.fit_transform(normalised)])
    for vectoriser in (words, characters):
        # the n-grams min_df dropped: kept only for introspection, and most of a pickled model
        vectoriser.stop_words_ = None
    return NgramFeatures(words, characters), matrix.tocsr()
