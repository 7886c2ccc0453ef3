"""newskg: news articles -> a knowledge graph of who said, reported and denied what."""

__version__ = "0.1.0"
