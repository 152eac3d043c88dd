"""Evaluations of the assistant: validity, fidelity (leave-one-out), retrieval. `python -m evals`."""
