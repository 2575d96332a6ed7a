"""Evaluation: the facts a run establishes (levels, evidence), the engine, waivers, baselines and parallel batches."""
