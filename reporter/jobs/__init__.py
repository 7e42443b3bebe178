"""The run machinery: inputs, state and lock, worker processes, the run itself, watch mode, progress.

The tree reads cli → jobs → stages (readers, extractor, writers) → model.
"""
