"""The demo council and the synthetic one: loader.py loads them, synthetic.py writes the
synthetic council's files, data/ holds the demo's own files."""
