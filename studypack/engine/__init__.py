"""Engine stage: a ``PackPlan`` → parts laid out (chunked, cached, over processes) → one PDF.

``make`` is the entry point; ``chunks`` cuts sections into units of work,
``parallel`` spreads them over processes, ``cache`` keeps them between builds.
"""
