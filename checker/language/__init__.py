"""The rule language: a rule's checks compiled once into functions run over a manifest's records."""
