"""litopys: dated news articles in uk, ru and en turned into a source-linked record of
international politics (PLOVER events, relations, actors over time)."""

__version__ = "0.1.0"
